namespace ActorBroker.Actors.Exceptions;

/// <summary>Record a failure. The store replies <see cref="ExceptionStored"/> once it is journaled.</summary>
public sealed record RecordException(
    string Source,
    string Reason,
    string? Location,
    string? MessageType,
    string? MessageControlId,
    string? AckCode,
    string? Remote,
    byte[] Raw);

public sealed record ExceptionStored(string Id, bool Repeated);

public sealed record ListExceptions(int Limit);

public sealed record ExceptionList(IReadOnlyList<ExceptionRecord> Exceptions, int Total);

public sealed record GetException(string Id);

/// <summary>Reply to <see cref="GetException"/>; <see cref="Record"/> is null when the id is unknown.</summary>
public sealed record ExceptionLookup(ExceptionRecord? Record);

// Journaled facts (manifests in Serialization/ManifestRegistry.cs).

public sealed record ExceptionRaised(ExceptionRecord Record);

public sealed record ExceptionRepeated(string Id, DateTimeOffset At);
