using Akka.Configuration;
using Akka.Persistence;
using Akka.Persistence.TestKit;
using Akka.TestKit.Xunit2;

namespace ActorBroker.Actors.Tests;

/// <summary>
/// TestKit over Akka.Persistence.TestKit's in-memory journal and snapshot store, whose behaviour
/// (pass, fail, reject) a test switches for the duration of one block.
/// </summary>
public abstract class JournalTestKit : TestKit
{
    private static readonly Config JournalConfig = ConfigurationFactory.ParseString("""
        akka.persistence {
          journal {
            plugin = "akka.persistence.journal.test"
            test {
              class = "Akka.Persistence.TestKit.TestJournal, Akka.Persistence.TestKit"
              plugin-dispatcher = "akka.actor.default-dispatcher"
            }
          }
          snapshot-store {
            plugin = "akka.persistence.snapshot-store.test"
            test {
              class = "Akka.Persistence.TestKit.TestSnapshotStore, Akka.Persistence.TestKit"
              plugin-dispatcher = "akka.actor.default-dispatcher"
            }
          }
        }
        akka.loglevel = WARNING
        """);

    protected JournalTestKit() : base(JournalConfig)
    {
        Journal = TestJournal.FromRef(Akka.Persistence.Persistence.Instance.Apply(Sys).JournalFor(null));
    }

    protected ITestJournal Journal { get; }

    protected async Task WithJournalWrite(Func<JournalWriteBehavior, Task> behaviour, Func<Task> execution)
    {
        await behaviour(Journal.OnWrite);
        try
        {
            await execution();
        }
        finally
        {
            await Journal.OnWrite.Pass();
        }
    }
}
