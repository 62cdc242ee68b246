namespace ActorBroker.Dicom.Network;

/// <summary>How an established association ended.</summary>
public enum DicomAssociationCloseReason
{
    /// <summary>A-RELEASE completed.</summary>
    Released,

    /// <summary>The peer's service-user sent an A-ABORT.</summary>
    PeerAborted,

    /// <summary>A protocol error (ours or the peer's provider) ended it with an A-ABORT / A-P-ABORT.</summary>
    ProtocolError,

    /// <summary>No PDU arrived for the idle timeout; we aborted.</summary>
    IdleTimeout,

    /// <summary>The listener shut down; we aborted.</summary>
    Shutdown,

    /// <summary>The transport connection closed without release or abort.</summary>
    ConnectionClosed,
}
