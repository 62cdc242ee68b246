using Akka.Actor;
using Akka.Persistence;
using Akka.Persistence.Journal;

namespace ActorBroker.Actors.Tests.Persistence;

/// <summary>Persists each string it gets with the tags after its '|' (comma-separated), then answers "ok"; "seq?" answers its last sequence number.</summary>
internal sealed class TaggingTestActor : ReceivePersistentActor
{
    public TaggingTestActor(string id)
    {
        PersistenceId = id;
        Recover<string>(_ => { });
        Command<string>(s => s == "seq?", _ => Sender.Tell(LastSequenceNr.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Command<string>(s =>
        {
            var parts = s.Split('|');
            var tags = parts.Length > 1 ? parts[1].Split(',') : [];
            Persist(new Tagged(parts[0], tags), _ => Sender.Tell("ok"));
        });
    }

    public override string PersistenceId { get; }
}
