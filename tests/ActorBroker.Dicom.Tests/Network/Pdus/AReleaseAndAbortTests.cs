using ActorBroker.Dicom.Network.Pdus;

namespace ActorBroker.Dicom.Tests.Network.Pdus;

public sealed class AReleaseAndAbortTests
{
    [Fact]
    public void Release_rq_and_rp_have_four_reserved_bytes()
    {
        Assert.Equal(Bytes.Hex("05 00 00 00 00 04 00 00 00 00"), AReleaseRQ.Instance.ToArray());
        Assert.Equal(Bytes.Hex("06 00 00 00 00 04 00 00 00 00"), AReleaseRP.Instance.ToArray());
        Assert.IsType<AReleaseRQ>(Pdu.Parse(PduType.AReleaseRQ, Bytes.Hex("FF FF FF FF")));
        Assert.IsType<AReleaseRP>(Pdu.Parse(PduType.AReleaseRP, Bytes.Hex("00 00 00 00")));
    }

    [Fact]
    public void Abort_round_trips_source_and_reason()
    {
        // Table 9-26: source 2 (provider), reason 1 (unrecognized-PDU).
        var bytes = Bytes.Hex("07 00 00 00 00 04 00 00 02 01");
        Assert.Equal(bytes, new AAbort(AAbortSource.ServiceProvider, AAbortReason.UnrecognizedPdu).ToArray());
        var parsed = (AAbort)Pdu.Parse(PduType.AAbort, bytes.AsSpan(6));
        Assert.Equal(AAbortSource.ServiceProvider, parsed.Source);
        Assert.Equal(AAbortReason.UnrecognizedPdu, parsed.Reason);
    }

    [Fact]
    public void A_user_abort_sends_and_reads_reason_zero()
    {
        Assert.Equal(Bytes.Hex("07 00 00 00 00 04 00 00 00 00"), new AAbort(AAbortSource.ServiceUser, AAbortReason.InvalidPduParameterValue).ToArray());
        var parsed = AAbort.Parse(Bytes.Hex("00 00 00 06"));
        Assert.Equal(AAbortSource.ServiceUser, parsed.Source);
        Assert.Equal(AAbortReason.ReasonNotSpecified, parsed.Reason);
    }
}
