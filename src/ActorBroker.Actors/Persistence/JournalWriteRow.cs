namespace ActorBroker.Actors.Persistence;

/// <summary>
/// One event as Akka.Persistence.Sql stores it with the default table mapping in TagTable mode: a journal row
/// (created is UTC ticks, manifest and identifier are the payload serializer's) and a tags row per tag.
/// </summary>
public sealed record JournalWriteRow(
    string PersistenceId,
    long SequenceNr,
    byte[] Message,
    string Manifest,
    int SerializerId,
    long Created,
    string WriterUuid,
    IReadOnlyCollection<string> Tags);
