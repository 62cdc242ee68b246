using ActorBroker.Actors.Exceptions;
using ActorBroker.Actors.Persistence;
using ActorBroker.Actors.Settings;
using Akka.Actor;
using Akka.Actor.Setup;
using Akka.Configuration;
using Akka.Streams;

namespace ActorBroker.Actors.Tests.Persistence;

/// <summary>The real Akka.Persistence.Sql journal on SQLite, configured as the broker configures it.</summary>
public sealed class SqlitePersistenceTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "ab-sqlite-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task Events_survive_a_new_actor_system_and_connections_go_through_the_batching_interceptor()
    {
        var settings = PersistenceSettings.Default;
        PersistenceSetup.PrepareDatabase(settings, _dir);
        var before = SqliteTuningInterceptor.TunedConnections;
        var written = BrokerSqlJournal.DirectWrites;

        var system = Start(settings);
        var store = system.ActorOf(ExceptionStoreActor.GetProps(TimeProvider.System));
        var stored = await store.Ask<ExceptionStored>(new RecordException("t", "reason", null, null, "M1", "AE", null, [1, 2]), TimeSpan.FromSeconds(30));
        Assert.Equal("EX-000001", stored.Id);
        await system.Terminate();

        Assert.True(SqliteTuningInterceptor.TunedConnections > before, "the SQLite interceptor never ran: the journal is not using the broker's DataOptions");
        Assert.True(BrokerSqlJournal.DirectWrites > written, "the event did not go through the broker's SQLite writer");

        var again = Start(settings);
        var recovered = again.ActorOf(ExceptionStoreActor.GetProps(TimeProvider.System));
        var lookup = await recovered.Ask<ExceptionLookup>(new GetException("EX-000001"), TimeSpan.FromSeconds(30));
        Assert.Equal([1, 2], Convert.FromBase64String(lookup.Record!.RawBase64));
        await again.Terminate();

        using var c = new Microsoft.Data.Sqlite.SqliteConnection(PersistenceSetup.ConnectionString(settings, _dir));
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", (string)cmd.ExecuteScalar()!);
    }

    [Fact]
    public async Task Events_by_tag_and_replay_read_the_tags_through_the_repaired_aggregate()
    {
        var settings = PersistenceSettings.Default;
        PersistenceSetup.PrepareDatabase(settings, _dir);
        var system = Start(settings);
        var writer = system.ActorOf(Props.Create(() => new TaggingTestActor("tagging-1")));
        foreach (var e in new[] { "a|order", "b|order,outbound", "c|study", "d|outbound,order" })
        {
            Assert.Equal("ok", await writer.Ask<string>(e, TimeSpan.FromSeconds(30)));
        }

        var (aggregates, pages) = (TagQueryRewriter.AggregatesRewritten, TagQueryRewriter.PagesReordered);
        var journal = Akka.Persistence.Query.PersistenceQuery.Get(system).ReadJournalFor<Akka.Persistence.Sql.Query.SqlReadJournal>(PersistenceSetup.QueryId);
        var events = await journal.CurrentEventsByTag("order", Akka.Persistence.Query.Offset.NoOffset())
            .RunAggregate(new List<string>(), (list, env) => { list.Add((string)env.Event + ":" + string.Join(",", env.Tags.Order(StringComparer.Ordinal))); return list; }, system.Materializer());
        Assert.Equal(["a:order", "b:order,outbound", "d:order,outbound"], events);
        // If linq2db's SQL changes shape, these say so (see TagQueryRewriter): the results above stay right, only slow.
        Assert.True(TagQueryRewriter.AggregatesRewritten > aggregates, "the whole-table tag aggregate was not repaired");
        Assert.True(TagQueryRewriter.PagesReordered > pages, "the events-by-tag page was not reordered by the tag index");
        await system.Terminate();

        // What SQLite makes of the repaired page with the broker's tag index (SqliteSchema): index order (no sort of
        // every row up to the horizon), tags by seek.
        using var c = new Microsoft.Data.Sqlite.SqliteConnection(PersistenceSetup.ConnectionString(settings, _dir));
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "EXPLAIN QUERY PLAN " + TagQueryRewriter.Rewrite(TagQueryRewriterTests.Page);
        var plan = new List<string>();
        using (var reader = cmd.ExecuteReader())
        {
            while (reader.Read()) plan.Add(reader.GetString(3));
        }

        Assert.DoesNotContain(plan, p => p.Contains("TEMP B-TREE", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, p => p.StartsWith("SCAN", StringComparison.Ordinal) && !p.Contains("x_1", StringComparison.Ordinal));
    }

    // BrokerSqlJournal: an entity's highest sequence number is read in plain ADO.NET, with the plugin's semantics.
    [Fact]
    public async Task A_restarted_entity_continues_after_its_last_event_with_the_sequence_number_read_directly()
    {
        var settings = PersistenceSettings.Default;
        PersistenceSetup.PrepareDatabase(settings, _dir);
        await InSystemAsync(settings, async system =>
        {
        var before = BrokerSqlJournal.DirectReads;
        var first = system.ActorOf(Props.Create(() => new TaggingTestActor("seq-1")));
        Assert.Equal("0", await first.Ask<string>("seq?", TimeSpan.FromSeconds(30)));
        foreach (var e in new[] { "a|order", "b", "c|study" })
        {
            Assert.Equal("ok", await first.Ask<string>(e, TimeSpan.FromSeconds(30)));
        }

        await first.GracefulStop(TimeSpan.FromSeconds(10));
        var again = system.ActorOf(Props.Create(() => new TaggingTestActor("seq-1")));
        Assert.Equal("3", await again.Ask<string>("seq?", TimeSpan.FromSeconds(30)));
        Assert.Equal("ok", await again.Ask<string>("d", TimeSpan.FromSeconds(30)));
        Assert.Equal("4", await again.Ask<string>("seq?", TimeSpan.FromSeconds(30)));
        Assert.True(BrokerSqlJournal.DirectReads >= before + 2, "the broker's journal did not read the sequence numbers directly");

        // The reader alone: the maximum above 'from' (0 when none), other ids apart, deleted-flagged rows counted
        // (the plugin keeps the highest row of a deleted history so a new event never reuses its number).
        var reader = new JournalSequenceReader(JournalConnection.For(settings, _dir));
        Assert.Equal(4, await reader.HighestSequenceNrAsync("seq-1", 0, CancellationToken.None));
        Assert.Equal(4, await reader.HighestSequenceNrAsync("seq-1", 3, CancellationToken.None));
        Assert.Equal(0, await reader.HighestSequenceNrAsync("seq-1", 4, CancellationToken.None));
        Assert.Equal(0, await reader.HighestSequenceNrAsync("seq-2", 0, CancellationToken.None));
        using (var c = new Microsoft.Data.Sqlite.SqliteConnection(PersistenceSetup.ConnectionString(settings, _dir)))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "UPDATE journal SET deleted = 1 WHERE persistence_id = 'seq-1'";
            Assert.Equal(4, cmd.ExecuteNonQuery());
        }

        Assert.Equal(4, await reader.HighestSequenceNrAsync("seq-1", 0, CancellationToken.None));
        });
    }

    // BrokerSqlJournal keeps the last write of each id to let a sequence read wait for it; finished writes are dropped
    // in bulk once more than 1,024 ids have written. Entities restarted after that still continue after their last event.
    [Fact]
    public async Task Entities_restarted_after_more_than_a_thousand_others_wrote_continue_after_their_last_event()
    {
        var settings = PersistenceSettings.Default;
        PersistenceSetup.PrepareDatabase(settings, _dir);
        await InSystemAsync(settings, async system =>
        {
            var entities = Enumerable.Range(0, 1_100).Select(i => system.ActorOf(Props.Create(() => new TaggingTestActor("many-" + i)))).ToList();
            var written = await Task.WhenAll(entities.Select(e => e.Ask<string>("a", TimeSpan.FromSeconds(60))));
            Assert.All(written, w => Assert.Equal("ok", w));
            Assert.Equal("ok", await entities[7].Ask<string>("b", TimeSpan.FromSeconds(30)));

            foreach (var (index, expected) in new[] { (7, "2"), (1_099, "1") })
            {
                await entities[index].GracefulStop(TimeSpan.FromSeconds(10));
                var again = system.ActorOf(Props.Create(() => new TaggingTestActor("many-" + index)));
                Assert.Equal(expected, await again.Ask<string>("seq?", TimeSpan.FromSeconds(30)));
                Assert.Equal("ok", await again.Ask<string>("c", TimeSpan.FromSeconds(30)));
            }
        });
    }

    // SqliteJournalWriter: rows the plugin reads back as its own; one bad write in a transaction fails alone.
    [Fact]
    public async Task The_writer_commits_each_write_and_a_write_that_cannot_go_in_fails_alone()
    {
        var settings = PersistenceSettings.Default;
        PersistenceSetup.PrepareDatabase(settings, _dir);
        await InSystemAsync(settings, async system =>
        {
        // Lets the plugin create its tables, through one event of its own.
        var first = system.ActorOf(Props.Create(() => new TaggingTestActor("w-0")));
        Assert.Equal("ok", await first.Ask<string>("a|order", TimeSpan.FromSeconds(30)));

        var serializer = system.Serialization.FindSerializerForType(typeof(string));
        var manifest = serializer.IncludeManifest ? Akka.Util.TypeExtensions.TypeQualifiedName(typeof(string)) : string.Empty;
        JournalWriteRow Row(string pid, long seq, string text, params string[] tags) =>
            new(pid, seq, serializer.ToBinary(text), manifest, serializer.Identifier, 638_000_000_000_000_000, "w", tags);

        await using var writer = new SqliteJournalWriter(PersistenceSetup.ConnectionString(settings, _dir));
        // Queued back to back, so usually one transaction: whichever way they are grouped, only the duplicate
        // (w-0 #1 is in the journal already) fails.
        var good = writer.WriteAsync([Row("w-1", 1, "b", "order"), Row("w-1", 2, "c")]);
        var bad = writer.WriteAsync([Row("w-0", 1, "again", "order")]);
        var after = writer.WriteAsync([Row("w-2", 1, "d", "order", "outbound")]);
        await good;
        // SQLITE_CONSTRAINT (19): the one error the writer retries write by write instead of failing the batch.
        Assert.Equal(19, (await Assert.ThrowsAsync<Microsoft.Data.Sqlite.SqliteException>(() => bad)).SqliteErrorCode);
        await after;
        });

        await InSystemAsync(settings, async again =>
        {
        var journal = Akka.Persistence.Query.PersistenceQuery.Get(again).ReadJournalFor<Akka.Persistence.Sql.Query.SqlReadJournal>(PersistenceSetup.QueryId);
        var tagged = await journal.CurrentEventsByTag("order", Akka.Persistence.Query.Offset.NoOffset())
            .RunAggregate(new List<string>(), (list, env) => { list.Add($"{env.PersistenceId}#{env.SequenceNr}:{env.Event}:{string.Join(",", env.Tags.Order(StringComparer.Ordinal))}"); return list; }, again.Materializer());
        Assert.Equal(["w-0#1:a:order", "w-1#1:b:order", "w-2#1:d:order,outbound"], tagged);
        var replayed = await journal.CurrentEventsByPersistenceId("w-1", 0, long.MaxValue)
            .RunAggregate(new List<string>(), (list, env) => { list.Add($"{env.SequenceNr}:{env.Event}:{env.Timestamp}"); return list; }, again.Materializer());
        Assert.Equal(["1:b:638000000000000000", "2:c:638000000000000000"], replayed);
        });
    }

    // The rebuild's direct reader (JournalTagReader) over rows the real plugin wrote.
    [Fact]
    public async Task A_journal_the_plugin_has_not_created_yet_has_ordering_zero()
    {
        // On SQLite the broker creates the tables before it starts (SqliteSchema); PostgreSQL's plugin creates them on
        // its first use, after the read models may have asked. An empty database file stands for that moment here.
        var settings = PersistenceSettings.Default;
        Directory.CreateDirectory(_dir);
        Assert.Equal(0, await JournalTagReader.For(settings, _dir).MaxOrderingAsync(CancellationToken.None));
    }

    [Fact]
    public void The_journal_keeps_only_the_indexes_its_queries_read_and_an_older_journal_is_brought_to_that_shape()
    {
        var settings = PersistenceSettings.Default;
        Directory.CreateDirectory(_dir);
        // A journal as the plugin created it before the broker owned the schema: its two unread journal indexes and its
        // (tag) index, which (tag, ordering_id) replaces.
        using (var c = new Microsoft.Data.Sqlite.SqliteConnection(PersistenceSetup.ConnectionString(settings, _dir)))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = SqliteSchema.Ddl.Replace("CREATE INDEX IF NOT EXISTS tags_tag_ordering_idx ON tags (tag, ordering_id);", "", StringComparison.Ordinal) +
                              "CREATE INDEX journal_created_idx ON journal (created); CREATE INDEX journal_sequence_number_idx ON journal (sequence_number);" +
                              "CREATE INDEX tags_tag_idx ON tags (tag);" +
                              "INSERT INTO journal (created, deleted, persistence_id, sequence_number, message) VALUES (1, 0, 'p', 1, x'00');";
            cmd.ExecuteNonQuery();
        }

        PersistenceSetup.PrepareDatabase(settings, _dir);
        PersistenceSetup.PrepareDatabase(settings, _dir);

        using var check = new Microsoft.Data.Sqlite.SqliteConnection(PersistenceSetup.ConnectionString(settings, _dir));
        check.Open();
        using var q = check.CreateCommand();
        q.CommandText = "SELECT tbl_name || ':' || name FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('journal', 'tags') AND sql IS NOT NULL ORDER BY 1";
        var indexes = new List<string>();
        using (var reader = q.ExecuteReader())
        {
            while (reader.Read()) indexes.Add(reader.GetString(0));
        }

        Assert.Equal(["journal:journal_uq", "tags:tags_persistence_id_sequence_nr_idx", "tags:tags_tag_ordering_idx"], indexes);
        // The events stay, and the unique index still refuses a second event under the same sequence number.
        q.CommandText = "SELECT count(*) FROM journal";
        Assert.Equal(1L, q.ExecuteScalar());
        q.CommandText = "INSERT INTO journal (created, deleted, persistence_id, sequence_number, message) VALUES (2, 0, 'p', 1, x'01')";
        Assert.Throws<Microsoft.Data.Sqlite.SqliteException>(() => q.ExecuteNonQuery());
    }

    [Fact]
    public async Task Pages_hold_one_tags_rows_in_ordering_order_between_after_and_up_to_without_deleted_rows()
    {
        var settings = PersistenceSettings.Default;
        PersistenceSetup.PrepareDatabase(settings, _dir);
        await InSystemAsync(settings, async system =>
        {
        var first = system.ActorOf(Props.Create(() => new TaggingTestActor("reader-1")));
        var second = system.ActorOf(Props.Create(() => new TaggingTestActor("reader-2")));
        foreach (var (writer, e) in new[] { (first, "a|order"), (second, "b|order,outbound"), (first, "c|study"), (second, "d|outbound,order"), (first, "e|order") })
        {
            Assert.Equal("ok", await writer.Ask<string>(e, TimeSpan.FromSeconds(30)));
        }

        var reader = JournalTagReader.For(settings, _dir, pageSize: 100);
        var pager = JournalTagReader.For(settings, _dir, pageSize: 2);
        var max = await reader.MaxOrderingAsync(CancellationToken.None);
        Assert.Equal(5, max);

        var all = await reader.PageAsync("order", 0, max, CancellationToken.None);
        Assert.Equal(["a", "b", "d", "e"], all.Select(r => Payload(system, r)));
        Assert.Equal(["reader-1", "reader-2", "reader-2", "reader-1"], all.Select(r => r.PersistenceId));
        Assert.Equal([1L, 1L, 2L, 3L], all.Select(r => r.SequenceNr));
        Assert.Equal(all.Select(r => r.Ordering).Order(), all.Select(r => r.Ordering));

        // Paging: strictly after the last ordering read, at most a page of rows, never past upTo.
        var page1 = await pager.PageAsync("order", 0, max, CancellationToken.None);
        var page2 = await pager.PageAsync("order", page1[^1].Ordering, max, CancellationToken.None);
        Assert.Equal((2, 2), (page1.Count, page2.Count));
        Assert.Equal(["a", "b", "d", "e"], page1.Concat(page2).Select(r => Payload(system, r)));
        Assert.Equal(["a", "b"], (await reader.PageAsync("order", 0, all[1].Ordering, CancellationToken.None)).Select(r => Payload(system, r)));
        Assert.Empty(await reader.PageAsync("order", max, max, CancellationToken.None));
        Assert.Equal(["b", "d"], (await reader.PageAsync("outbound", 0, max, CancellationToken.None)).Select(r => Payload(system, r)));

        // A row the plugin marks deleted is not read (as the plugin's own events-by-tag does not).
        using (var c = new Microsoft.Data.Sqlite.SqliteConnection(PersistenceSetup.ConnectionString(settings, _dir)))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = $"UPDATE journal SET deleted = 1 WHERE ordering = {all[1].Ordering}";
            Assert.Equal(1, cmd.ExecuteNonQuery());
        }

        Assert.Equal(["a", "d", "e"], (await reader.PageAsync("order", 0, max, CancellationToken.None)).Select(r => Payload(system, r)));
        });
    }

    private static string Payload(ActorSystem system, JournalTagRow row) =>
        (string)system.Serialization.Deserialize(row.Message, row.SerializerId!.Value, row.Manifest);

    // A system on the test's journal for the length of the body, terminated whatever the body does.
    private async Task InSystemAsync(PersistenceSettings settings, Func<ActorSystem, Task> body)
    {
        var system = Start(settings);
        try
        {
            await body(system);
        }
        finally
        {
            await system.Terminate();
        }
    }

    private ActorSystem Start(PersistenceSettings settings)
    {
        var config = PersistenceSetup.Hocon(settings, _dir)
            .WithFallback(Akka.Persistence.Sql.SqlPersistence.DefaultConfiguration)
            .WithFallback(ConfigurationFactory.ParseString("akka.loglevel = WARNING"));
        var setup = ActorSystemSetup.Create(BootstrapSetup.Create().WithConfig(config), PersistenceSetup.DataOptions(settings, _dir));
        return ActorSystem.Create("sqlite-" + Guid.NewGuid().ToString("N")[..8], setup);
    }
}
