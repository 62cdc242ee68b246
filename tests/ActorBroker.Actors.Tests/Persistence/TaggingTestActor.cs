using Akka.Actor;
using Akka.Persistence;
using Akka.Persistence.Journal;

namespace ActorBroker.Actors.Tests.Persistence;

/// <summary>Persists each string it gets with the tags after its '|' (comma-separated), then answers "ok".</summary>
internal sealed class TaggingTestActor : ReceivePersistentActor
{
    public TaggingTestActor(string id)
    {
        PersistenceId = id;
        Recover<string>(_ => { });
        Command<string>(s =>
        {
            var parts = s.Split('|');
            var tags = parts.Length > 1 ? parts[1].Split(',') : [];
            Persist(new Tagged(parts[0], tags), _ => Sender.Tell("ok"));
        });
    }

    public override string PersistenceId { get; }
}
