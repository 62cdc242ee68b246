namespace ActorBroker.Dicom.Network.Pdus;

/// <summary>A-RELEASE-RQ PDU (05H), PS3.8 9.3.6: four reserved bytes.</summary>
internal sealed class AReleaseRQ : Pdu
{
    public static readonly AReleaseRQ Instance = new();

    public override PduType Type => PduType.AReleaseRQ;

    protected override void WriteBody(PduWriter writer) => writer.WriteZeros(4);

    // PS3.8 9.3.6 A-RELEASE-RQ PDU structure: 4 reserved bytes, not tested (the length is checked by PduReader).
    public static AReleaseRQ Parse(ReadOnlySpan<byte> body)
    {
        _ = body;
        return Instance;
    }
}
