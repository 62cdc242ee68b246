namespace ActorBroker.Dicom.Network.Pdus;

/// <summary>A-ASSOCIATE-RJ PDU (03H), PS3.8 9.3.4.</summary>
internal sealed class AAssociateRJ : Pdu
{
    public AAssociateRJ(AssociateRejectResult result, AssociateRejectSource source, byte reason)
    {
        Result = result;
        Source = source;
        Reason = reason;
    }

    public AssociateRejectResult Result { get; }

    public AssociateRejectSource Source { get; }

    public byte Reason { get; }

    public override PduType Type => PduType.AAssociateRJ;

    protected override void WriteBody(PduWriter writer)
    {
        writer.WriteByte(0);
        writer.WriteByte((byte)Result);
        writer.WriteByte((byte)Source);
        writer.WriteByte(Reason);
    }

    // PS3.8 9.3.4 A-ASSOCIATE-RJ PDU structure: reserved, result, source, reason/diag. (fixed length 4)
    public static AAssociateRJ Parse(ReadOnlySpan<byte> body)
    {
        var reader = new PduBodyReader(body);
        reader.Skip(1);
        var result = reader.ReadByte();
        var source = reader.ReadByte();
        var reason = reader.ReadByte();
        if (result is < 1 or > 2 || source is < 1 or > 3)
        {
            throw new PduFormatException(
                AAbortReason.InvalidPduParameterValue,
                $"A-ASSOCIATE-RJ with result {result} / source {source} is not defined.");
        }

        return new AAssociateRJ((AssociateRejectResult)result, (AssociateRejectSource)source, reason);
    }

    public override string ToString() =>
        $"A-ASSOCIATE-RJ {Result} by {Source}: {AssociateRejectReason.Describe(Source, Reason)}";
}
