using ActorBroker.Dicom.Network;

namespace ActorBroker.Dicom.Dimse;

/// <summary>Storage SCP (PS3.4 B): answers C-STORE.</summary>
public interface ICStoreProvider
{
    ValueTask<CStoreResponse> OnCStoreAsync(DicomAssociationContext context, CStoreRequest request, CancellationToken cancellationToken);
}
