using ActorBroker.Actors.Exceptions;
using Akka.Actor;

namespace ActorBroker.Actors.Tests.Exceptions;

public sealed class ExceptionStoreActorTests : JournalTestKit
{
    private static RecordException Bad(string controlId, string reason = "ORC-1 order control 'ZZ' is not supported") =>
        new("hl7:orders", reason, "ORC-1", "ORM^O01", controlId, "AE", "127.0.0.1:40000", "MSH|^~\\&|EPIC|MAINHOSP\rORC|ZZ"u8.ToArray());

    [Fact]
    public async Task A_record_keeps_the_raw_bytes_and_survives_a_restart()
    {
        var store = Sys.ActorOf(ExceptionStoreActor.GetProps(TimeProvider.System));
        store.Tell(Bad("MSGBAD3"), TestActor);
        var stored = await ExpectMsgAsync<ExceptionStored>();
        Assert.Equal("EX-000001", stored.Id);
        Assert.False(stored.Repeated);

        Watch(store);
        store.Tell(PoisonPill.Instance);
        await ExpectTerminatedAsync(store);

        var again = Sys.ActorOf(ExceptionStoreActor.GetProps(TimeProvider.System));
        again.Tell(new GetException("EX-000001"), TestActor);
        var lookup = await ExpectMsgAsync<ExceptionLookup>();
        Assert.NotNull(lookup.Record);
        Assert.Equal("MSH|^~\\&|EPIC|MAINHOSP\rORC|ZZ"u8.ToArray(), Convert.FromBase64String(lookup.Record!.RawBase64));
        Assert.Equal("ORC-1", lookup.Record.Location);

        // Numbering continues after recovery instead of reusing ids.
        again.Tell(Bad("MSGBAD4"), TestActor);
        Assert.Equal("EX-000002", (await ExpectMsgAsync<ExceptionStored>()).Id);
    }

    [Fact]
    public async Task The_same_failure_again_is_counted_not_stored_twice()
    {
        var store = Sys.ActorOf(ExceptionStoreActor.GetProps(TimeProvider.System));
        store.Tell(Bad("MSGBAD3"), TestActor);
        var first = await ExpectMsgAsync<ExceptionStored>();
        store.Tell(Bad("MSGBAD3"), TestActor);
        var second = await ExpectMsgAsync<ExceptionStored>();
        Assert.Equal(first.Id, second.Id);
        Assert.True(second.Repeated);

        store.Tell(new ListExceptions(10), TestActor);
        var list = await ExpectMsgAsync<ExceptionList>();
        var only = Assert.Single(list.Exceptions);
        Assert.Equal(2, only.Occurrences);
    }

    [Fact]
    public async Task Lists_newest_first_and_unknown_ids_are_not_found()
    {
        var store = Sys.ActorOf(ExceptionStoreActor.GetProps(TimeProvider.System));
        store.Tell(Bad("A"), TestActor);
        await ExpectMsgAsync<ExceptionStored>();
        store.Tell(Bad("B"), TestActor);
        await ExpectMsgAsync<ExceptionStored>();
        store.Tell(new ListExceptions(10), TestActor);
        var list = await ExpectMsgAsync<ExceptionList>();
        Assert.Equal(["B", "A"], list.Exceptions.Select(e => e.MessageControlId));
        store.Tell(new GetException("EX-999999"), TestActor);
        Assert.Null((await ExpectMsgAsync<ExceptionLookup>()).Record);
    }
}
