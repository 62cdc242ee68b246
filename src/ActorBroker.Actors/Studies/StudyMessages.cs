using ActorBroker.Domain.Studies;

namespace ActorBroker.Actors.Studies;

/// <summary>Anything sent to a study entity through the shard region, by Study Instance UID.</summary>
public sealed record StudyEnvelope(string StudyInstanceUid, object Payload);

/// <summary>Reply to a study command once it is journaled (or recognised as a repeat).</summary>
public sealed record StudyCommandResult(string StudyInstanceUid, bool Ok, string? Detail);

/// <summary>Ask a study entity for its state (management API, abctl study show).</summary>
public sealed record GetStudyState(string StudyInstanceUid);

public sealed record StudyStateReply(StudySnapshot Snapshot, bool Exists);
