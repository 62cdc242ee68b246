using ActorBroker.Dicom.Network;

namespace ActorBroker.Dicom.Dimse;

/// <summary>
/// C-FIND SCP (e.g. Modality Worklist, PS3.4 K). Yield one pending response (FF00/FF01) per match as it is
/// found; the association sends each at once. Ending the sequence sends Success; yielding a non-pending
/// response sends it as the final one and stops. A C-CANCEL cancels <paramref name="cancellationToken"/>
/// and the association answers FE00 Cancel. An exception is answered with C000 Unable to process.
/// </summary>
public interface ICFindProvider
{
    IAsyncEnumerable<CFindResponse> OnCFindAsync(DicomAssociationContext context, CFindRequest request, CancellationToken cancellationToken);
}
