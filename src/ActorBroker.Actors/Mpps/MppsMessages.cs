using ActorBroker.Dicom.Mpps;
using ActorBroker.Domain.Orders;

namespace ActorBroker.Actors.Mpps;

/// <summary>N-CREATE or N-SET of one MPPS instance.</summary>
public enum MppsOperation
{
    Create,
    Set,
}

/// <summary>
/// One MPPS request, for the study entity that holds (or, for an N-CREATE, will hold) the instance MppsUid. Dataset is the request's attribute list re-encoded in Explicit VR
/// Little Endian (bytes, not a parsed object, so the message is the same on every node and is what an exception
/// record keeps).
/// </summary>
public sealed record MppsRequest(string MppsUid, MppsOperation Operation, string CallingAe, byte[] Dataset, DateTimeOffset ReceivedAt)
{
    /// <summary>
    /// The same attributes already parsed, when the request was routed on this node (<see cref="MppsRouter"/> attaches
    /// the dataset its caller parsed: the provider from the PDU, the exception replayer from the kept bytes): the study
    /// entity then does not parse <see cref="Dataset"/> again. Never serialized; a request from another node is parsed
    /// from its bytes. Read only, by whoever handles the request.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public ActorBroker.Dicom.Data.DicomDataset? Parsed { get; init; }
}

/// <summary>Reply to <see cref="MppsRequest"/>, sent only after an accepted request is journaled.</summary>
public sealed record MppsRequestResult(MppsOutcome Outcome);

/// <summary>Ask the study entity that holds an MPPS instance for the instance's state (tests, diagnostics).</summary>
public sealed record GetMppsState(string MppsUid);

public sealed record MppsStateReply(string MppsUid, MppsAttributes? Attributes, string CallingAe, bool Propagated);

// Journaled facts of the study entity that holds the instance (manifests in Serialization/ManifestRegistry.cs). Raw is
// the dataset as received (Explicit VR LE). Orders are the orders it performs, resolved from the calling AE's site
// when the request was accepted, so that a replay rebuilds the same state whatever the configuration says by then
// (null in events written before they were recorded: resolved again from the configuration).

/// <summary>N-CREATE accepted: the instance exists, IN PROGRESS.</summary>
public sealed record MppsCreated(string MppsUid, string CallingAe, MppsAttributes Attributes, DateTimeOffset At, byte[] Raw, IReadOnlyList<OrderKey>? Orders = null);

/// <summary>N-SET accepted: Attributes is the merged result.</summary>
public sealed record MppsUpdated(string MppsUid, string CallingAe, MppsAttributes Attributes, DateTimeOffset At, byte[] Raw, IReadOnlyList<OrderKey>? Orders = null);

/// <summary>
/// Every MPPS event the study journaled before this marker has reached its orders (and other studies). Written only
/// when nothing is left to hand over, so the marker's own position in the journal says so (<see cref="MppsHandOverScan"/>).
/// </summary>
public sealed record MppsPropagated(long UpToSequenceNr);

/// <summary>
/// Wakes a study entity so that it hands over the MPPS states its orders do not have yet; recovery alone does that,
/// so the entity needs nothing more than to be started (<see cref="MppsHandOverResumer"/>).
/// </summary>
public sealed record ResumeMppsHandOver(string StudyInstanceUid);

/// <summary>
/// Published on the node's event stream by a study entity that stops with MPPS states not yet handed over
/// (passivated while its orders' journal kept failing, or moved by a rebalance): <see cref="MppsHandOverResumer"/>
/// wakes it again.
/// </summary>
public sealed record MppsHandOverPending(string StudyInstanceUid);
