namespace ActorBroker.Dicom.Network.Pdus;

/// <summary>PDU-type values, PS3.8 9.3.1 (Table 9-11 .. 9-26, byte 1 of every PDU).</summary>
internal enum PduType : byte
{
    AAssociateRQ = 0x01,
    AAssociateAC = 0x02,
    AAssociateRJ = 0x03,
    PDataTF = 0x04,
    AReleaseRQ = 0x05,
    AReleaseRP = 0x06,
    AAbort = 0x07,
}
