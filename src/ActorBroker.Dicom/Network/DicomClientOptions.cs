using ActorBroker.Dicom.Data;
using ActorBroker.Dicom.Network.Negotiation;

namespace ActorBroker.Dicom.Network;

/// <summary>Where a <see cref="DicomClient"/> connects and what it proposes (PS3.8 7.1.1, association-requestor side).</summary>
public sealed record DicomClientOptions
{
    public required string Host { get; init; }

    public required int Port { get; init; }

    public string CallingAETitle { get; init; } = "ACTORBROKER";

    public required string CalledAETitle { get; init; }

    /// <summary>Proposed presentation contexts, one per entry (IDs 1, 3, 5, ...). Verification by default.</summary>
    public IReadOnlyList<SupportedAbstractSyntax> PresentationContexts { get; init; } =
        [new SupportedAbstractSyntax(WellKnownUids.Verification)];

    /// <summary>Maximum Length we announce for P-DATA-TF PDUs we receive.</summary>
    public uint MaxPduLength { get; init; } = AssociationPolicy.DefaultMaxPduLength;

    public string ImplementationClassUid { get; init; } = DicomUid.ImplementationClassUid;

    public string ImplementationVersionName { get; init; } = DicomUid.ImplementationVersionName;

    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long to wait for the A-ASSOCIATE-AC/RJ and for the A-RELEASE-RP; also ARTIM.</summary>
    public TimeSpan AssociationTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long to wait for each DIMSE response (each pending C-FIND response restarts it).</summary>
    public TimeSpan ResponseTimeout { get; init; } = TimeSpan.FromSeconds(60);

    public long MaxDatasetLength { get; init; } = 32 * 1024 * 1024;

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
