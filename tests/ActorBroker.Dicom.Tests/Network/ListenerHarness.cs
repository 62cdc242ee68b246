using ActorBroker.Dicom.Dimse;
using ActorBroker.Dicom.Network;
using ActorBroker.Dicom.Network.Negotiation;

namespace ActorBroker.Dicom.Tests.Network;

/// <summary>Listeners on 127.0.0.1, port 0, with a policy that accepts the SOP classes the tests use.</summary>
internal static class ListenerHarness
{
    public static readonly AssociationPolicy Policy = new()
    {
        AETitle = "ACTORBROKER",
        AcceptAnyCallingAE = true,
        AbstractSyntaxes =
        [
            new SupportedAbstractSyntax(WellKnownUids.Verification),
            new SupportedAbstractSyntax(WellKnownUids.ModalityWorklistInformationModelFind),
            new SupportedAbstractSyntax(WellKnownUids.ModalityPerformedProcedureStep),
            new SupportedAbstractSyntax(WellKnownUids.BasicTextSRStorage),
        ],
    };

    public static DicomServiceOptions Options(AssociationPolicy? policy = null, TimeProvider? time = null) => new()
    {
        Host = "127.0.0.1",
        Port = 0,
        Policy = policy ?? Policy,
        TimeProvider = time ?? TimeProvider.System,
    };

    public static DicomListener Start(
        DicomServiceProviders? providers = null,
        IDicomAssociationObserver? observer = null,
        DicomServiceOptions? options = null) =>
        DicomListener.Start(options ?? Options(), providers, observer);

    public static DicomClientOptions Client(DicomListener listener, string calledAE = "ACTORBROKER", params string[] abstractSyntaxes) => new()
    {
        Host = "127.0.0.1",
        Port = listener.LocalEndPoint.Port,
        CallingAETitle = "TESTSCU",
        CalledAETitle = calledAE,
        PresentationContexts = abstractSyntaxes.Length == 0
            ? [new SupportedAbstractSyntax(WellKnownUids.Verification)]
            : abstractSyntaxes.Select(a => new SupportedAbstractSyntax(a)).ToList(),
    };

    public static Task<DicomClient> ConnectAsync(DicomListener listener, params string[] abstractSyntaxes) =>
        DicomClient.ConnectAsync(Client(listener, "ACTORBROKER", abstractSyntaxes)).WaitAsync(TestTimeouts.Default);
}
