using ActorBroker.Dicom.Network;

namespace ActorBroker.Dicom.Dimse;

/// <summary>Verification SCP (PS3.4 A): answers C-ECHO.</summary>
public interface ICEchoProvider
{
    ValueTask<CEchoResponse> OnCEchoAsync(DicomAssociationContext context, CEchoRequest request, CancellationToken cancellationToken);
}
