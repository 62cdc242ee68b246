using ActorBroker.Dicom.Network;

namespace ActorBroker.Dicom.Dimse;

/// <summary>N-CREATE SCP (e.g. MPPS IN PROGRESS, PS3.4 F.7.2.1).</summary>
public interface INCreateProvider
{
    ValueTask<NCreateResponse> OnNCreateAsync(DicomAssociationContext context, NCreateRequest request, CancellationToken cancellationToken);
}
