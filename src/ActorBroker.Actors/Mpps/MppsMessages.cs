using ActorBroker.Dicom.Mpps;

namespace ActorBroker.Actors.Mpps;

/// <summary>N-CREATE or N-SET of one MPPS instance.</summary>
public enum MppsOperation
{
    Create,
    Set,
}

/// <summary>
/// One MPPS request for the entity of MppsUid. Dataset is the request's attribute list re-encoded in Explicit VR
/// Little Endian (bytes, not a parsed object, so the message is the same on every node and is what an exception
/// record keeps).
/// </summary>
public sealed record MppsRequest(string MppsUid, MppsOperation Operation, string CallingAe, byte[] Dataset, DateTimeOffset ReceivedAt);

/// <summary>Reply to <see cref="MppsRequest"/>, sent only after an accepted request is journaled.</summary>
public sealed record MppsRequestResult(MppsOutcome Outcome);

/// <summary>Ask an MPPS entity for its state (management API).</summary>
public sealed record GetMppsState(string MppsUid);

public sealed record MppsStateReply(string MppsUid, MppsAttributes? Attributes, string CallingAe, bool Propagated);

/// <summary>Anything sent to an MPPS entity through the shard region, by MPPS SOP Instance UID.</summary>
public sealed record MppsEnvelope(string MppsUid, object Payload);

// Journaled facts (manifests in Serialization/ManifestRegistry.cs). Raw is the dataset as received (Explicit VR LE).

/// <summary>N-CREATE accepted: the instance exists, IN PROGRESS.</summary>
public sealed record MppsCreated(string MppsUid, string CallingAe, MppsAttributes Attributes, DateTimeOffset At, byte[] Raw);

/// <summary>N-SET accepted: Attributes is the merged result.</summary>
public sealed record MppsUpdated(string MppsUid, string CallingAe, MppsAttributes Attributes, DateTimeOffset At, byte[] Raw);

/// <summary>Every journaled MPPS event up to this sequence number reached its orders and studies.</summary>
public sealed record MppsPropagated(long UpToSequenceNr);

/// <summary>
/// Wakes an MPPS entity so that it hands over the states its orders and studies do not have yet; recovery alone
/// does that, so the entity needs nothing more than to be started (<see cref="MppsHandOverResumer"/>).
/// </summary>
public sealed record ResumeMppsHandOver(string MppsUid);

/// <summary>
/// Published on the node's event stream by an MPPS entity that stops with states not yet handed over (passivated
/// while its orders' journal kept failing, or moved by a rebalance): <see cref="MppsHandOverResumer"/> wakes it again.
/// </summary>
public sealed record MppsHandOverPending(string MppsUid);
