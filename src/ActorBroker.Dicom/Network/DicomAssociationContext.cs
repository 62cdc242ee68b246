using System.Net;
using ActorBroker.Dicom.Network.Negotiation;

namespace ActorBroker.Dicom.Network;

/// <summary>An established association as the service providers and observers see it.</summary>
public sealed class DicomAssociationContext
{
    internal DicomAssociationContext(
        long associationId,
        string callingAETitle,
        string calledAETitle,
        EndPoint? remoteEndPoint,
        EndPoint? localEndPoint,
        IReadOnlyList<PresentationContext> presentationContexts,
        uint peerMaxPduLength,
        string? peerImplementationClassUid,
        string? peerImplementationVersionName,
        DateTimeOffset openedAt)
    {
        AssociationId = associationId;
        CallingAETitle = callingAETitle;
        CalledAETitle = calledAETitle;
        RemoteEndPoint = remoteEndPoint;
        LocalEndPoint = localEndPoint;
        PresentationContexts = presentationContexts;
        PeerMaxPduLength = peerMaxPduLength;
        PeerImplementationClassUid = peerImplementationClassUid;
        PeerImplementationVersionName = peerImplementationVersionName;
        OpenedAt = openedAt;
    }

    /// <summary>Unique per listener, increasing.</summary>
    public long AssociationId { get; }

    public string CallingAETitle { get; }

    public string CalledAETitle { get; }

    public EndPoint? RemoteEndPoint { get; }

    public EndPoint? LocalEndPoint { get; }

    /// <summary>Every proposed context with its result; accepted ones carry the chosen transfer syntax.</summary>
    public IReadOnlyList<PresentationContext> PresentationContexts { get; }

    /// <summary>The peer's Maximum Length (0 = unlimited).</summary>
    public uint PeerMaxPduLength { get; }

    public string? PeerImplementationClassUid { get; }

    public string? PeerImplementationVersionName { get; }

    public DateTimeOffset OpenedAt { get; }

    public override string ToString() => $"#{AssociationId} {CallingAETitle} -> {CalledAETitle} ({RemoteEndPoint})";
}
