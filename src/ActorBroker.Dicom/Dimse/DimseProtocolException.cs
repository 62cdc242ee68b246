using ActorBroker.Dicom.Network.Pdus;

namespace ActorBroker.Dicom.Dimse;

/// <summary>
/// P-DATA content that breaks PS3.8 Annex E / PS3.7 6.3.1 (fragments out of order, an unknown context,
/// a message past the size limit). The association answers with an A-ABORT carrying <see cref="Reason"/>.
/// </summary>
internal sealed class DimseProtocolException : Exception
{
    public DimseProtocolException(AAbortReason reason, string message)
        : base(message) => Reason = reason;

    public AAbortReason Reason { get; }
}
