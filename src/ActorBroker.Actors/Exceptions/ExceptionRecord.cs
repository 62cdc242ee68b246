namespace ActorBroker.Actors.Exceptions;

/// <summary>
/// One failed message, kept with its raw bytes so an analyst can see exactly what arrived and
/// replay it once the cause is fixed. Patient data lives only in <see cref="RawBase64"/>, never
/// in <see cref="Reason"/>, which is safe to log.
/// </summary>
public sealed record ExceptionRecord(
    string Id,
    DateTimeOffset Timestamp,
    string Source,
    string Reason,
    string? Location,
    string? MessageType,
    string? MessageControlId,
    string? AckCode,
    string? Remote,
    string RawBase64,
    int RawLength,
    int Occurrences,
    DateTimeOffset LastSeen)
{
    /// <summary>Same source, same message and same reason again: counted, not stored twice.</summary>
    public string DedupKey => KeyFor(Source, MessageControlId, Reason);

    public static string KeyFor(string source, string? messageControlId, string reason) => $"{source}|{messageControlId}|{reason}";
}
