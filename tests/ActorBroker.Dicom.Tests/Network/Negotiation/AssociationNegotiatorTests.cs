using ActorBroker.Dicom.Network;
using ActorBroker.Dicom.Network.Negotiation;
using ActorBroker.Dicom.Network.Pdus;

namespace ActorBroker.Dicom.Tests.Network.Negotiation;

public sealed class AssociationNegotiatorTests
{
    private static readonly AssociationPolicy Policy = new()
    {
        AETitle = "ACTORBROKER",
        AllowedCallingAETitles = new HashSet<string>(["CT01", "MR01"], StringComparer.Ordinal),
        AbstractSyntaxes =
        [
            new SupportedAbstractSyntax(WellKnownUids.Verification),
            new SupportedAbstractSyntax(WellKnownUids.ModalityWorklistInformationModelFind),
            new SupportedAbstractSyntax(WellKnownUids.ModalityPerformedProcedureStep, [WellKnownUids.ImplicitVRLittleEndian]),
        ],
    };

    private static AAssociateRQ Request(string called = "ACTORBROKER", string calling = "CT01", params PresentationContextRQItem[] contexts) => new()
    {
        CalledAETitle = called,
        CallingAETitle = calling,
        PresentationContexts = contexts.Length > 0
            ? contexts
            : [new PresentationContextRQItem(1, WellKnownUids.Verification, [WellKnownUids.ImplicitVRLittleEndian])],
        UserInformation = new UserInformation { MaximumLength = 16384 },
    };

    [Fact]
    public void Wrong_called_ae_is_rejected_permanent_by_the_user_with_reason_7()
    {
        var result = AssociationNegotiator.Negotiate(Policy, Request(called: "OTHER"));

        Assert.False(result.IsAccepted);
        Assert.Equal(AssociateRejectResult.RejectedPermanent, result.Reject!.Result);
        Assert.Equal(AssociateRejectSource.ServiceUser, result.Reject.Source);
        Assert.Equal(7, result.Reject.Reason);
    }

    [Fact]
    public void Called_ae_matching_is_case_sensitive()
    {
        Assert.False(AssociationNegotiator.Negotiate(Policy, Request(called: "actorbroker")).IsAccepted);
    }

    [Fact]
    public void Unknown_calling_ae_is_rejected_with_reason_3()
    {
        var result = AssociationNegotiator.Negotiate(Policy, Request(calling: "UNKNOWN"));

        Assert.Equal(AssociateRejectSource.ServiceUser, result.Reject!.Source);
        Assert.Equal(3, result.Reject.Reason);
    }

    [Fact]
    public void Any_calling_ae_when_the_policy_says_so()
    {
        var result = AssociationNegotiator.Negotiate(Policy with { AcceptAnyCallingAE = true }, Request(calling: "WHOEVER"));
        Assert.True(result.IsAccepted);
    }

    [Fact]
    public void Another_application_context_is_rejected_with_reason_2()
    {
        var request = Request();
        var result = AssociationNegotiator.Negotiate(Policy, new AAssociateRQ
        {
            CalledAETitle = request.CalledAETitle,
            CallingAETitle = request.CallingAETitle,
            ApplicationContextName = "1.2.3.4",
            PresentationContexts = request.PresentationContexts,
        });

        Assert.Equal(AssociateRejectSource.ServiceUser, result.Reject!.Source);
        Assert.Equal(AssociateRejectReason.ServiceUser.ApplicationContextNameNotSupported, result.Reject.Reason);
    }

    [Fact]
    public void Each_context_gets_its_own_result()
    {
        var result = AssociationNegotiator.Negotiate(Policy, Request(
            "ACTORBROKER",
            "CT01",
            new PresentationContextRQItem(1, WellKnownUids.Verification, [WellKnownUids.ExplicitVRBigEndian]),
            new PresentationContextRQItem(3, "1.2.840.10008.5.1.4.1.2.2.1", [WellKnownUids.ImplicitVRLittleEndian]),
            new PresentationContextRQItem(5, WellKnownUids.ModalityWorklistInformationModelFind, [WellKnownUids.ImplicitVRLittleEndian, WellKnownUids.ExplicitVRLittleEndian]),
            new PresentationContextRQItem(7, WellKnownUids.ModalityPerformedProcedureStep, [WellKnownUids.ExplicitVRLittleEndian, WellKnownUids.ImplicitVRLittleEndian]),
            new PresentationContextRQItem(9, WellKnownUids.Verification, ["1.2.840.10008.1.2.4.50"]),
            new PresentationContextRQItem(10, WellKnownUids.Verification, [WellKnownUids.ImplicitVRLittleEndian]),
            new PresentationContextRQItem(5, WellKnownUids.Verification, [WellKnownUids.ImplicitVRLittleEndian])));

        Assert.True(result.IsAccepted);
        var items = result.Accept!.PresentationContexts;
        Assert.Equal(PresentationContextResult.TransferSyntaxesNotSupported, items[0].Result); // Big Endian only
        Assert.Equal(PresentationContextResult.AbstractSyntaxNotSupported, items[1].Result);
        Assert.Equal(new PresentationContextACItem(5, PresentationContextResult.Acceptance, WellKnownUids.ExplicitVRLittleEndian), items[2]); // our preference wins
        Assert.Equal(new PresentationContextACItem(7, PresentationContextResult.Acceptance, WellKnownUids.ImplicitVRLittleEndian), items[3]); // per-syntax list
        Assert.Equal(PresentationContextResult.TransferSyntaxesNotSupported, items[4].Result); // unknown (JPEG) for verification
        Assert.Equal(PresentationContextResult.NoReason, items[5].Result); // even ID
        Assert.Equal(PresentationContextResult.NoReason, items[6].Result); // duplicate ID
        Assert.Equal([1, 3, 5, 7, 9, 10, 5], items.Select(i => (int)i.Id));
        Assert.Equal(2, result.PresentationContexts.Count(c => c.IsAccepted));
    }

    [Fact]
    public void Accept_announces_our_limits_and_identity_and_answers_async_and_roles()
    {
        var request = new AAssociateRQ
        {
            CalledAETitle = "ACTORBROKER",
            CallingAETitle = "MR01",
            PresentationContexts = [new PresentationContextRQItem(1, WellKnownUids.ModalityWorklistInformationModelFind, [WellKnownUids.ImplicitVRLittleEndian])],
            UserInformation = new UserInformation
            {
                MaximumLength = 0,
                AsynchronousOperationsWindow = new AsynchronousOperationsWindow(10, 10),
                RoleSelections =
                [
                    new ScpScuRoleSelection(WellKnownUids.ModalityWorklistInformationModelFind, ScuRole: true, ScpRole: true),
                    new ScpScuRoleSelection("1.2.3.4.5", ScuRole: true, ScpRole: true),
                ],
            },
        };

        var result = AssociationNegotiator.Negotiate(Policy with { MaxPduLength = 32768 }, request);
        var info = result.Accept!.UserInformation;

        Assert.Equal(32768u, info.MaximumLength);
        Assert.Equal(ActorBroker.Dicom.Data.DicomUid.ImplementationClassUid, info.ImplementationClassUid);
        Assert.Equal("ACTORBROKER_1", info.ImplementationVersionName);
        Assert.Equal(new AsynchronousOperationsWindow(1, 1), info.AsynchronousOperationsWindow);
        Assert.Equal(new ScpScuRoleSelection(WellKnownUids.ModalityWorklistInformationModelFind, true, false), Assert.Single(info.RoleSelections));
        Assert.Equal(0u, result.PeerMaxPduLength);
        Assert.Equal("ACTORBROKER", result.Accept.CalledAETitle);
        Assert.Equal("MR01", result.Accept.CallingAETitle);
    }

    [Fact]
    public void No_async_window_in_the_accept_when_none_was_proposed()
    {
        var result = AssociationNegotiator.Negotiate(Policy, Request());
        Assert.Null(result.Accept!.UserInformation.AsynchronousOperationsWindow);
        Assert.Equal(16384u, result.PeerMaxPduLength);
    }

    [Theory]
    [InlineData("", 65536u)]
    [InlineData("SEVENTEEN_CHARS_X", 65536u)]
    [InlineData("ACTORBROKER", 16383u)]
    [InlineData("ACTORBROKER", 1048577u)]
    public void Invalid_policies_are_refused(string aeTitle, uint maxPduLength)
    {
        var policy = new AssociationPolicy { AETitle = aeTitle, MaxPduLength = maxPduLength };
        Assert.Throws<ArgumentException>(policy.Validate);
    }
}
