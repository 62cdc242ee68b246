using ActorBroker.Domain.Orders;

namespace ActorBroker.Actors.Inbound;

/// <summary>
/// Journal one accepted inbound message (its mapped commands and raw bytes). The log replies
/// <see cref="InboundLogged"/> once it is in the journal: that is when the sender gets AA. <paramref name="AnswerBy"/>:
/// when the sender stops waiting (it then gets AE 207, "not stored, please resend"); a message still waiting for a full
/// backlog to shrink by then is dropped unjournaled, so the AE stays true.
/// </summary>
public sealed record LogInbound(MessageRef Message, IReadOnlyList<IOrderCommand> Commands, string? Remote, byte[] Raw, DateTimeOffset? AnswerBy = null);

/// <summary>The message is durable (or was logged before: <paramref name="Duplicate"/>).</summary>
public sealed record InboundLogged(long SequenceNr, bool Duplicate);

/// <summary>Ask the log for its state (interface status, abctl).</summary>
public sealed record GetInboundLogStatus;

/// <param name="Backlog">Messages ACKed whose commands have not all reached their orders yet.</param>
/// <param name="Held">Messages waiting for the backlog to shrink before they are journaled (their senders wait).</param>
/// <param name="Yielding">Applying is paused for a burst (see <see cref="ApplyGate"/>).</param>
/// <param name="HeldExpired">Held messages dropped unjournaled because their sender had stopped waiting (got AE 207).</param>
public sealed record InboundLogStatus(long LastSequenceNr, long Checkpoint, int PendingMessages, int QueuedCommands, int InFlight, long Applied, long Rejected, long Redelivered, int Backlog, int Held, bool Yielding, long HeldExpired);

// Journaled facts (manifests in Serialization/ManifestRegistry.cs).

/// <summary>An inbound message accepted into the broker: the fact behind its AA.</summary>
public sealed record InboundAccepted(string Source, MessageRef Message, IReadOnlyList<IOrderCommand> Commands, string? Remote, byte[] Raw);

/// <summary>Every message up to and including <paramref name="UpTo"/> reached its orders.</summary>
public sealed record InboundCheckpoint(long UpTo);

/// <summary>
/// Snapshot: the checkpoint, what is still to deliver (messages above the checkpoint whose commands have not all
/// reached their orders; delivered ones are left out), and the recent message keys for duplicates.
/// </summary>
public sealed record InboundLogSnapshot(long Checkpoint, IReadOnlyList<InboundPending> Pending, IReadOnlyList<string> RecentMessageKeys);

public sealed record InboundPending(long SequenceNr, InboundAccepted Accepted);
