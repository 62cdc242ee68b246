namespace ActorBroker.Dicom.Network.Pdus;

/// <summary>A-ABORT PDU (07H), PS3.8 9.3.8: carries both A-ABORT (user) and A-P-ABORT (provider).</summary>
internal sealed class AAbort : Pdu
{
    public AAbort(AAbortSource source, AAbortReason reason)
    {
        Source = source;
        Reason = reason;
    }

    public AAbortSource Source { get; }

    /// <summary>Significant only when <see cref="Source"/> is the service-provider.</summary>
    public AAbortReason Reason { get; }

    public override PduType Type => PduType.AAbort;

    protected override void WriteBody(PduWriter writer)
    {
        writer.WriteZeros(2);
        writer.WriteByte((byte)Source);
        writer.WriteByte(Source == AAbortSource.ServiceUser ? (byte)0 : (byte)Reason);
    }

    // PS3.8 9.3.8 A-ABORT PDU structure: reserved, reserved, source, reason/diag. (fixed length 4).
    // Unknown source/reason values are kept as received: this PDU ends the association either way.
    public static AAbort Parse(ReadOnlySpan<byte> body)
    {
        var reader = new PduBodyReader(body);
        reader.Skip(2);
        var source = (AAbortSource)reader.ReadByte();
        var reason = (AAbortReason)reader.ReadByte();
        return new AAbort(source, source == AAbortSource.ServiceUser ? AAbortReason.ReasonNotSpecified : reason);
    }

    public override string ToString() => $"A-ABORT source={Source} reason={Reason}";
}
