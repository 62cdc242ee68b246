using Akka.Actor;
using Akka.Persistence;
using Akka.Persistence.Journal;

namespace ActorBroker.Actors.Tests;

/// <summary>
/// Journals whatever it is sent, wrapped in <see cref="Tagged"/> with the given tags, and answers the event's
/// sequence number once it is written: the events a projection (an outbox, a read model) reads, without the
/// entity that would produce them.
/// </summary>
internal sealed class TaggedEventWriter : ReceivePersistentActor
{
    public TaggedEventWriter(string persistenceId, IReadOnlyList<string> tags)
    {
        PersistenceId = persistenceId;
        var tagSet = tags.ToHashSet(StringComparer.Ordinal);
        Command<object>(e =>
        {
            var sender = Sender;
            Persist(new Tagged(e, tagSet), _ => sender.Tell(LastSequenceNr));
        });
        Recover<object>(_ => { });
    }

    public override string PersistenceId { get; }

    public static Props GetProps(string persistenceId, params string[] tags) =>
        Props.Create(() => new TaggedEventWriter(persistenceId, tags));
}
