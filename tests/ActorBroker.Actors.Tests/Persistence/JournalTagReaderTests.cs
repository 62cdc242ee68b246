using ActorBroker.Actors.Persistence;
using ActorBroker.Actors.Settings;
using Akka.Actor;
using Akka.Actor.Setup;
using Akka.Configuration;

namespace ActorBroker.Actors.Tests.Persistence;

/// <summary>The rebuild's direct reader over rows the real Akka.Persistence.Sql journal wrote on SQLite.</summary>
public sealed class JournalTagReaderTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "ab-tagreader-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task A_journal_the_plugin_has_not_created_yet_has_ordering_zero()
    {
        var settings = PersistenceSettings.Default;
        PersistenceSetup.PrepareDatabase(settings, _dir);
        Assert.Equal(0, await JournalTagReader.For(settings, _dir).MaxOrderingAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Pages_hold_one_tags_rows_in_ordering_order_between_after_and_up_to_without_deleted_rows()
    {
        var settings = PersistenceSettings.Default;
        PersistenceSetup.PrepareDatabase(settings, _dir);
        var system = Start(settings);
        try
        {
            var first = system.ActorOf(Props.Create(() => new TaggingTestActor("reader-1")));
            var second = system.ActorOf(Props.Create(() => new TaggingTestActor("reader-2")));
            foreach (var (writer, e) in new[] { (first, "a|order"), (second, "b|order,outbound"), (first, "c|study"), (second, "d|outbound,order"), (first, "e|order") })
            {
                Assert.Equal("ok", await writer.Ask<string>(e, TimeSpan.FromSeconds(30)));
            }

            var reader = JournalTagReader.For(settings, _dir);
            var max = await reader.MaxOrderingAsync(CancellationToken.None);
            Assert.Equal(5, max);

            var all = await reader.PageAsync("order", 0, max, 100, CancellationToken.None);
            Assert.Equal(["a", "b", "d", "e"], all.Select(r => Payload(system, r)));
            Assert.Equal(["reader-1", "reader-2", "reader-2", "reader-1"], all.Select(r => r.PersistenceId));
            Assert.Equal([1L, 1L, 2L, 3L], all.Select(r => r.SequenceNr));
            Assert.Equal(all.Select(r => r.Ordering).Order(), all.Select(r => r.Ordering));

            // Paging: strictly after the last ordering read, at most take rows, never past upTo.
            var page1 = await reader.PageAsync("order", 0, max, 2, CancellationToken.None);
            var page2 = await reader.PageAsync("order", page1[^1].Ordering, max, 2, CancellationToken.None);
            Assert.Equal(["a", "b", "d", "e"], page1.Concat(page2).Select(r => Payload(system, r)));
            Assert.Equal(["a", "b"], (await reader.PageAsync("order", 0, all[1].Ordering, 100, CancellationToken.None)).Select(r => Payload(system, r)));
            Assert.Empty(await reader.PageAsync("order", max, max, 100, CancellationToken.None));
            Assert.Equal(["b", "d"], (await reader.PageAsync("outbound", 0, max, 100, CancellationToken.None)).Select(r => Payload(system, r)));

            // A row the plugin marks deleted is not read (as the plugin's own events-by-tag does not).
            using (var c = new Microsoft.Data.Sqlite.SqliteConnection(PersistenceSetup.ConnectionString(settings, _dir)))
            {
                c.Open();
                using var cmd = c.CreateCommand();
                cmd.CommandText = $"UPDATE journal SET deleted = 1 WHERE ordering = {all[1].Ordering}";
                Assert.Equal(1, cmd.ExecuteNonQuery());
            }

            Assert.Equal(["a", "d", "e"], (await reader.PageAsync("order", 0, max, 100, CancellationToken.None)).Select(r => Payload(system, r)));
        }
        finally
        {
            await system.Terminate();
        }
    }

    private static string Payload(ActorSystem system, JournalTagRow row) =>
        (string)system.Serialization.Deserialize(row.Message, row.SerializerId!.Value, row.Manifest);

    private ActorSystem Start(PersistenceSettings settings)
    {
        var config = PersistenceSetup.Hocon(settings, _dir)
            .WithFallback(Akka.Persistence.Sql.SqlPersistence.DefaultConfiguration)
            .WithFallback(ConfigurationFactory.ParseString("akka.loglevel = WARNING"));
        var setup = ActorSystemSetup.Create(BootstrapSetup.Create().WithConfig(config), PersistenceSetup.DataOptions(settings, _dir));
        return ActorSystem.Create("tagreader-" + Guid.NewGuid().ToString("N")[..8], setup);
    }
}
