namespace ActorBroker.Dicom.Network.Pdus;

/// <summary>A-RELEASE-RP PDU (06H), PS3.8 9.3.7: four reserved bytes.</summary>
internal sealed class AReleaseRP : Pdu
{
    public static readonly AReleaseRP Instance = new();

    public override PduType Type => PduType.AReleaseRP;

    protected override void WriteBody(PduWriter writer) => writer.WriteZeros(4);

    // PS3.8 9.3.7 A-RELEASE-RP PDU structure: 4 reserved bytes, not tested (the length is checked by PduReader).
    public static AReleaseRP Parse(ReadOnlySpan<byte> body)
    {
        _ = body;
        return Instance;
    }
}
