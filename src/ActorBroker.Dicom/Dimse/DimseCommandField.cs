namespace ActorBroker.Dicom.Dimse;

/// <summary>Command Field (0000,0100) values, PS3.7 E.1 (Table E.1-1) and 9.3 / 10.3.</summary>
public enum DimseCommandField : ushort
{
    CStoreRQ = 0x0001,
    CStoreRSP = 0x8001,
    CGetRQ = 0x0010,
    CGetRSP = 0x8010,
    CFindRQ = 0x0020,
    CFindRSP = 0x8020,
    CMoveRQ = 0x0021,
    CMoveRSP = 0x8021,
    CEchoRQ = 0x0030,
    CEchoRSP = 0x8030,
    NEventReportRQ = 0x0100,
    NEventReportRSP = 0x8100,
    NGetRQ = 0x0110,
    NGetRSP = 0x8110,
    NSetRQ = 0x0120,
    NSetRSP = 0x8120,
    NActionRQ = 0x0130,
    NActionRSP = 0x8130,
    NCreateRQ = 0x0140,
    NCreateRSP = 0x8140,
    NDeleteRQ = 0x0150,
    NDeleteRSP = 0x8150,
    CCancelRQ = 0x0FFF,
}
