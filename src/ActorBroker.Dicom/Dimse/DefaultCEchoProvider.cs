using ActorBroker.Dicom.Network;

namespace ActorBroker.Dicom.Dimse;

/// <summary>The built-in Verification SCP: every C-ECHO succeeds.</summary>
public sealed class DefaultCEchoProvider : ICEchoProvider
{
    public static readonly DefaultCEchoProvider Instance = new();

    public ValueTask<CEchoResponse> OnCEchoAsync(DicomAssociationContext context, CEchoRequest request, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new CEchoResponse { Status = DicomStatus.Success });
}
