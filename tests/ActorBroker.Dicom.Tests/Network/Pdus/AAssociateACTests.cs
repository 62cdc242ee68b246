using ActorBroker.Dicom.Network.Pdus;

namespace ActorBroker.Dicom.Tests.Network.Pdus;

public sealed class AAssociateACTests
{
    [Fact]
    public void Parses_the_hand_built_accept()
    {
        var bytes = PduTestData.AssociateAC();
        var ac = (AAssociateAC)Pdu.Parse(PduType.AAssociateAC, bytes.AsSpan(6));

        Assert.Equal("ACTORBROKER", ac.CalledAETitle);
        Assert.Equal("ECHOSCU", ac.CallingAETitle);
        Assert.Equal(2, ac.PresentationContexts.Count);
        Assert.Equal(new PresentationContextACItem(1, PresentationContextResult.Acceptance, "1.2.840.10008.1.2.1"), ac.PresentationContexts[0]);
        Assert.Equal(new PresentationContextACItem(3, PresentationContextResult.AbstractSyntaxNotSupported, "1.2.840.10008.1.2"), ac.PresentationContexts[1]);
        Assert.Equal(65536u, ac.UserInformation.MaximumLength);
        Assert.Equal(new AsynchronousOperationsWindow(1, 1), ac.UserInformation.AsynchronousOperationsWindow);
        Assert.Equal("TESTSCP", ac.UserInformation.ImplementationVersionName);
    }

    [Fact]
    public void Writes_exactly_the_hand_built_bytes()
    {
        var ac = new AAssociateAC
        {
            CalledAETitle = "ACTORBROKER",
            CallingAETitle = "ECHOSCU",
            PresentationContexts =
            [
                new PresentationContextACItem(1, PresentationContextResult.Acceptance, "1.2.840.10008.1.2.1"),
                new PresentationContextACItem(3, PresentationContextResult.AbstractSyntaxNotSupported, "1.2.840.10008.1.2"),
            ],
            UserInformation = new UserInformation
            {
                MaximumLength = 65536,
                ImplementationClassUid = "1.2.3.4",
                AsynchronousOperationsWindow = new AsynchronousOperationsWindow(1, 1),
                ImplementationVersionName = "TESTSCP",
            },
        };

        Assert.Equal(PduTestData.AssociateAC(), ac.ToArray());
    }

    [Fact]
    public void A_rejected_context_without_transfer_syntax_is_accepted_but_an_accepted_one_is_not()
    {
        Assert.Equal(
            new PresentationContextACItem(5, PresentationContextResult.TransferSyntaxesNotSupported, ""),
            PresentationContextACItem.Parse(Bytes.Hex("05 00 04 00")));

        var e = Assert.Throws<PduFormatException>(() => PresentationContextACItem.Parse(Bytes.Hex("05 00 00 00")));
        Assert.Equal(AAbortReason.InvalidPduParameterValue, e.Reason);
    }

    [Fact]
    public void An_undefined_result_is_an_invalid_parameter()
    {
        var e = Assert.Throws<PduFormatException>(() => PresentationContextACItem.Parse(Bytes.Hex("05 00 09 00")));
        Assert.Equal(AAbortReason.InvalidPduParameterValue, e.Reason);
    }
}
