using ActorBroker.Dicom.Network;
using Akka.Actor;

namespace ActorBroker.Actors.Modalities;

/// <summary>
/// Turns the listener's association events into messages for the modalities supervisor. Runs on association
/// tasks: a Tell is all it does (never blocks the association, never throws).
/// </summary>
internal sealed class ModalityAssociationObserver : IDicomAssociationObserver
{
    private readonly IActorRef _modalities;
    private readonly TimeProvider _time;

    public ModalityAssociationObserver(IActorRef modalities, TimeProvider time)
    {
        _modalities = modalities;
        _time = time;
    }

    public void OnAssociationOpened(DicomAssociationContext context) =>
        _modalities.Tell(new ModalityAssociationOpened(context.CallingAETitle.Trim(), context.AssociationId, context.RemoteEndPoint?.ToString() ?? "", _time.GetUtcNow()));

    public void OnAssociationRejected(AssociationRequestInfo request, AssociationRejection rejection) =>
        _modalities.Tell(new ModalityAssociationRejected(request.CallingAETitle.Trim(), request.CalledAETitle.Trim(), rejection.Description, _time.GetUtcNow()));

    public void OnAssociationClosed(DicomAssociationContext context, DicomAssociationCloseReason reason) =>
        _modalities.Tell(new ModalityAssociationClosed(context.CallingAETitle.Trim(), context.AssociationId, reason, _time.GetUtcNow()));
}
