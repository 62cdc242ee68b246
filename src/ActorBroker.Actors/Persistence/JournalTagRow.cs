namespace ActorBroker.Actors.Persistence;

/// <summary>One journal row of a tag, its payload still serialized (serializer id and manifest as the plugin stored them).</summary>
public sealed record JournalTagRow(long Ordering, string PersistenceId, long SequenceNr, byte[] Message, int? SerializerId, string Manifest);
