using ActorBroker.Dicom.Network.Pdus;

namespace ActorBroker.Dicom.Network;

/// <summary>The association ended abnormally: an A-ABORT, an A-P-ABORT, or the transport closed.</summary>
public sealed class DicomAssociationAbortedException : DicomNetworkException
{
    public DicomAssociationAbortedException()
    {
    }

    public DicomAssociationAbortedException(string message)
        : base(message)
    {
    }

    public DicomAssociationAbortedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public DicomAssociationAbortedException(AAbortSource source, AAbortReason reason, string message)
        : base(message)
    {
        AbortSource = source;
        AbortReason = reason;
    }

    public AAbortSource AbortSource { get; }

    public AAbortReason AbortReason { get; }
}
