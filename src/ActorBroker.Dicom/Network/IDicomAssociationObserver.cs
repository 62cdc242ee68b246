namespace ActorBroker.Dicom.Network;

/// <summary>
/// Notified of association life-cycle events on a listener (e.g. the modality actor counts them).
/// Called on the association's task; must return quickly and not throw (exceptions are swallowed).
/// </summary>
public interface IDicomAssociationObserver
{
    /// <summary>An A-ASSOCIATE-AC was sent.</summary>
    void OnAssociationOpened(DicomAssociationContext context)
    {
    }

    /// <summary>An A-ASSOCIATE-RJ was sent.</summary>
    void OnAssociationRejected(AssociationRequestInfo request, AssociationRejection rejection)
    {
    }

    /// <summary>An association that was opened ended.</summary>
    void OnAssociationClosed(DicomAssociationContext context, DicomAssociationCloseReason reason)
    {
    }
}
