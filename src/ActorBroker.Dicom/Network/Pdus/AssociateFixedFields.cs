namespace ActorBroker.Dicom.Network.Pdus;

/// <summary>
/// The fixed part shared by A-ASSOCIATE-RQ and A-ASSOCIATE-AC (PS3.8 Tables 9-11 and 9-17, bytes 7-74):
/// protocol version, reserved, called AE title, calling AE title, 32 reserved bytes.
/// </summary>
internal readonly record struct AssociateFixedFields(ushort ProtocolVersion, string CalledAETitle, string CallingAETitle)
{
    public const int Length = 68;

    public void Write(PduWriter writer)
    {
        writer.WriteUInt16(ProtocolVersion);
        writer.WriteZeros(2);
        writer.WriteAeTitle(CalledAETitle);
        writer.WriteAeTitle(CallingAETitle);
        writer.WriteZeros(32);
    }

    // PS3.8 9.3.2 A-ASSOCIATE-RQ PDU structure, bytes 7-74 (same layout in 9.3.3 A-ASSOCIATE-AC)
    public static AssociateFixedFields Read(ref PduBodyReader reader)
    {
        var version = reader.ReadUInt16();
        reader.Skip(2);
        var called = reader.ReadAeTitle();
        var calling = reader.ReadAeTitle();
        reader.Skip(32);
        return new AssociateFixedFields(version, called, calling);
    }
}
