using ActorBroker.Dicom.Network.Pdus;

namespace ActorBroker.Dicom.Network;

/// <summary>The A-ASSOCIATE-RJ we answered with (PS3.8 9.3.4).</summary>
public sealed record AssociationRejection(AssociateRejectResult Result, AssociateRejectSource Source, byte Reason)
{
    public string Description => AssociateRejectReason.Describe(Source, Reason);

    public override string ToString() => $"{Result} by {Source}: {Description}";
}
