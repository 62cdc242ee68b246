using ActorBroker.Dicom.Network.Negotiation;

namespace ActorBroker.Dicom.Network;

/// <summary>Options of a <see cref="DicomListener"/>: where to listen, what to accept, and the time limits.</summary>
public sealed record DicomServiceOptions
{
    /// <summary>Address to bind ("0.0.0.0" for every interface).</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>TCP port; 0 picks a free one (see <see cref="DicomListener.LocalEndPoint"/>).</summary>
    public int Port { get; init; } = 11112;

    public AssociationPolicy Policy { get; init; } = AssociationPolicy.Default;

    /// <summary>Open associations beyond this are answered with A-ASSOCIATE-RJ transient, local-limit-exceeded.</summary>
    public int MaxConcurrentAssociations { get; init; } = 64;

    /// <summary>ARTIM (PS3.8 9.1.5): how long a connection may wait for an A-ASSOCIATE-RQ, or for the peer to close after a reject, release or abort.</summary>
    public TimeSpan ArtimTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>An established association with no operation running that receives nothing this long is aborted. Infinite disables it.</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Largest data set accepted in one DIMSE message; a larger one aborts the association.</summary>
    public long MaxDatasetLength { get; init; } = 32 * 1024 * 1024;

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    public int ListenBacklog { get; init; } = 128;
}
