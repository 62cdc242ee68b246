using ActorBroker.Dicom.Network;

namespace ActorBroker.Dicom.Dimse;

/// <summary>N-SET SCP (e.g. MPPS COMPLETED / DISCONTINUED, PS3.4 F.7.2.2).</summary>
public interface INSetProvider
{
    ValueTask<NSetResponse> OnNSetAsync(DicomAssociationContext context, NSetRequest request, CancellationToken cancellationToken);
}
