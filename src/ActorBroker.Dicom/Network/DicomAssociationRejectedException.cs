using ActorBroker.Dicom.Network.Pdus;

namespace ActorBroker.Dicom.Network;

/// <summary>The peer answered our A-ASSOCIATE-RQ with an A-ASSOCIATE-RJ (PS3.8 9.3.4).</summary>
public sealed class DicomAssociationRejectedException : DicomNetworkException
{
    public DicomAssociationRejectedException()
    {
    }

    public DicomAssociationRejectedException(string message)
        : base(message)
    {
    }

    public DicomAssociationRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public DicomAssociationRejectedException(AssociateRejectResult result, AssociateRejectSource source, byte reason)
        : base($"Association rejected ({result}) by {source}: {AssociateRejectReason.Describe(source, reason)}")
    {
        Result = result;
        RejectSource = source;
        Reason = reason;
    }

    public AssociateRejectResult Result { get; }

    public AssociateRejectSource RejectSource { get; }

    public byte Reason { get; }
}
