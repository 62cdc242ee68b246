using ActorBroker.Domain.Orders;
using Akka.Actor;
using Akka.Event;
using ActorBroker.Actors.Persistence;
using Akka.Persistence;
using Akka.Persistence.Journal;

namespace ActorBroker.Actors.Orders;

/// <summary>
/// One persistent actor per order: a thin shell around the pure <see cref="OrderDecider"/>. It
/// decides, journals the events (all of one command in one atomic write), applies them, and only
/// then replies, so the HL7 AA that depends on the reply is never sent for an unjournaled fact.
/// </summary>
public sealed class OrderEntity : ReceivePersistentActor
{
    public const string TagAll = "order";

    private static readonly string[] AllTags = [TagAll];
    private static readonly string[] OutboundTags = [TagAll, Outbound.OutboundDefinitions.OutboundTag];

    private readonly OrderKey _key;
    private readonly SnapshotInterval _snapshots;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private OrderSnapshot _state;

    // Who waits for the write in flight: Sender is not reliable inside the failure callbacks.
    private IActorRef _waiting = ActorRefs.Nobody;

    public OrderEntity(string entityId, int snapshotEvery)
    {
        _key = OrderEntityIds.Parse(entityId);
        // 0 or less: this order never snapshots and recovers from its events alone.
        _snapshots = new SnapshotInterval(snapshotEvery);
        _state = OrderSnapshot.Empty(_key);
        PersistenceId = OrderEntityIds.PersistenceIdFor(entityId);

        Recover<SnapshotOffer>(offer =>
        {
            if (offer.Snapshot is OrderSnapshot s)
            {
                _state = s;
            }
        });
        Recover<IOrderEvent>(e => _state = OrderDecider.Apply(_state, e));
        // SQL journals store the payload and the tags apart; in-memory journals hand Tagged back.
        Recover<Tagged>(t => _state = OrderDecider.Apply(_state, (IOrderEvent)t.Payload));
        Command<IOrderCommand>(Handle);
        Command<GetOrderState>(_ => Sender.Tell(new OrderStateReply(_state, _state.State != OrderState.None, LastSequenceNr)));
        Command<SaveSnapshotSuccess>(s => DeleteSnapshots(new SnapshotSelectionCriteria(s.Metadata.SequenceNr - 1)));
        Command<SaveSnapshotFailure>(f => _log.Warning("Snapshot of {0} failed: {1}", PersistenceId, f.Cause.Message));
        Command<DeleteSnapshotsSuccess>(_ => { });
        Command<DeleteSnapshotsFailure>(_ => { });
    }

    public override string PersistenceId { get; }

    /// <summary>
    /// Without snapshots the recovery skips the snapshot store: a brand-new order (the common case on the intake
    /// path) then pays one journal query (its highest sequence number) before its first write instead of two.
    /// Safe for a journal that holds older snapshots of an order: an order's events are never deleted, so a
    /// replay from the first event gives the same state the snapshot would have.
    /// </summary>
    public override Recovery Recovery => _snapshots.Recovery(base.Recovery);

    public static Props GetProps(string entityId, int snapshotEvery) =>
        Props.Create(() => new OrderEntity(entityId, snapshotEvery));

    private void Handle(IOrderCommand command)
    {
        var decision = OrderDecider.Decide(_state, command);
        var sender = Sender;
        switch (decision)
        {
            case OrderDecision.Accepted accepted:
                var tagged = accepted.Events.Select(e => new Tagged(e, Tags(e))).ToArray();
                var remaining = tagged.Length;
                _waiting = sender;
                PersistAll(tagged, t =>
                {
                    _state = OrderDecider.Apply(_state, (IOrderEvent)t.Payload);
                    // This node's read models see the fact at once; other nodes read the journal by tag.
                    Context.System.EventStream.Publish(new OrderEventJournaled(PersistenceId, LastSequenceNr, (IOrderEvent)t.Payload));
                    if (--remaining == 0)
                    {
                        // A warning (journal and raise) travels as the rejection of an accepted command.
                        sender.Tell(new OrderCommandResult(_key, OrderOutcome.Accepted, _state.State, accepted.Warning, null));
                        if (_snapshots.IsDue(LastSequenceNr))
                        {
                            SaveSnapshot(_state);
                        }
                    }
                });
                break;
            case OrderDecision.Duplicate:
                sender.Tell(new OrderCommandResult(_key, OrderOutcome.Duplicate, _state.State, null, null));
                break;
            case OrderDecision.Rejected rejected:
                sender.Tell(new OrderCommandResult(_key, OrderOutcome.Rejected, _state.State, rejected.Rejection, null));
                break;
            default:
                throw new InvalidOperationException($"Unknown decision {decision.GetType().Name}");
        }
    }

    // "order": every order event (the read models' journal feed); "outbound": the events the outboxes read (they carry
    // what the EHR must be told). No per-site tag: nothing reads one, and each tag is a row written with every event.
    private static IReadOnlyCollection<string> Tags(IOrderEvent e) => e switch
    {
        ProcedureStepRecorded { Notice: not null } or ReportRecorded { Notice: not null } => OutboundTags,
        _ => AllTags,
    };

    protected override void OnPersistFailure(Exception cause, object @event, long sequenceNr)
    {
        // The actor stops after this (Akka's rule for a failed persist); its backoff supervisor
        // starts it again. Tell the waiting interface now so the sender gets a negative ACK and resends.
        _waiting.Tell(new OrderCommandResult(_key, OrderOutcome.Failed, _state.State, null, "journal write failed: " + cause.Message));
        base.OnPersistFailure(cause, @event, sequenceNr);
    }

    protected override void OnPersistRejected(Exception cause, object @event, long sequenceNr)
    {
        _waiting.Tell(new OrderCommandResult(_key, OrderOutcome.Failed, _state.State, null, "journal rejected the event: " + cause.Message));
        base.OnPersistRejected(cause, @event, sequenceNr);
    }
}
