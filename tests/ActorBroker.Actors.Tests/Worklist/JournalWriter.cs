using ActorBroker.Actors.Orders;
using ActorBroker.Domain.Orders;
using Akka.Actor;
using Akka.Persistence;
using Akka.Persistence.Journal;

namespace ActorBroker.Actors.Tests.Worklist;

/// <summary>
/// Writes order events the way an order entity does (tagged "order" under the entity's persistence id, then
/// published as <see cref="OrderEventJournaled"/>), without the entity's command handling: the read models are
/// what these tests are about.
/// </summary>
internal sealed class JournalWriter : ReceivePersistentActor
{
    public JournalWriter(string entityId, bool publish)
    {
        PersistenceId = OrderEntityIds.PersistenceIdFor(entityId);
        Command<IOrderEvent>(e =>
        {
            var sender = Sender;
            Persist(new Tagged(e, [OrderEntity.TagAll]), _ =>
            {
                if (publish)
                {
                    Context.System.EventStream.Publish(new OrderEventJournaled(PersistenceId, LastSequenceNr, e));
                }

                sender.Tell(LastSequenceNr);
            });
        });
        Recover<object>(_ => { });
    }

    public override string PersistenceId { get; }

    public static Props GetProps(string entityId, bool publish) => Props.Create(() => new JournalWriter(entityId, publish));
}
