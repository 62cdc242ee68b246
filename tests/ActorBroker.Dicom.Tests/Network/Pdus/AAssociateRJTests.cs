using ActorBroker.Dicom.Network.Pdus;

namespace ActorBroker.Dicom.Tests.Network.Pdus;

public sealed class AAssociateRJTests
{
    [Fact]
    public void Round_trips_against_the_standard_layout()
    {
        // Table 9-21: type 03, reserved, length 4, reserved, result 1 (permanent), source 1 (user), reason 7.
        var bytes = Bytes.Hex("03 00 00 00 00 04 00 01 01 07");
        var rj = new AAssociateRJ(AssociateRejectResult.RejectedPermanent, AssociateRejectSource.ServiceUser, AssociateRejectReason.ServiceUser.CalledAETitleNotRecognized);

        Assert.Equal(bytes, rj.ToArray());
        var parsed = (AAssociateRJ)Pdu.Parse(PduType.AAssociateRJ, bytes.AsSpan(6));
        Assert.Equal(AssociateRejectResult.RejectedPermanent, parsed.Result);
        Assert.Equal(AssociateRejectSource.ServiceUser, parsed.Source);
        Assert.Equal(7, parsed.Reason);
        Assert.Contains("called-AE-title-not-recognized", parsed.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("00 03 01 01")]
    [InlineData("00 01 04 01")]
    [InlineData("00 00 01 01")]
    public void Undefined_result_or_source_is_invalid(string body)
    {
        var e = Assert.Throws<PduFormatException>(() => AAssociateRJ.Parse(Bytes.Hex(body)));
        Assert.Equal(AAbortReason.InvalidPduParameterValue, e.Reason);
    }

    [Fact]
    public void Reasons_are_described_per_source()
    {
        Assert.Equal("calling-AE-title-not-recognized", AssociateRejectReason.Describe(AssociateRejectSource.ServiceUser, 3));
        Assert.Equal("protocol-version-not-supported", AssociateRejectReason.Describe(AssociateRejectSource.ServiceProviderAcse, 2));
        Assert.Equal("local-limit-exceeded", AssociateRejectReason.Describe(AssociateRejectSource.ServiceProviderPresentation, 2));
    }
}
