using ActorBroker.Dicom.Network.Pdus;

namespace ActorBroker.Dicom.Network.Negotiation;

/// <summary>The acceptor's answer to an A-ASSOCIATE-RQ: an A-ASSOCIATE-AC with per-context results, or an A-ASSOCIATE-RJ.</summary>
internal sealed record NegotiationResult(
    AAssociateAC? Accept,
    AAssociateRJ? Reject,
    IReadOnlyList<PresentationContext> PresentationContexts,
    uint PeerMaxPduLength)
{
    public bool IsAccepted => Accept is not null;
}
