using ActorBroker.Hl7;

namespace ActorBroker.Domain.Orders;

/// <summary>
/// The order lifecycle as two pure functions: Decide (state, command) -> events, duplicate or
/// rejection; Apply (state, event) -> state. Every (state, command) pair has an outcome:
///
/// <code>
/// state \ command | NW place       | XO change | CA cancel | DC discont. | HD hold | RL release | SC->SC  | SC->IP     | SC->CM/A
/// None            | Placed         | 204       | 204       | 204         | 204     | 204        | 204     | 204        | 204
/// Scheduled       | same: dup;     | Changed   | Cancelled | Discont.    | Held    | dup        | dup     | InProgress | Completed
///                 | else Changed   |           |           |             |         |            |         |            |
/// Held            | same: dup;     | Changed   | Cancelled | Discont.    | dup     | Released   | 206     | 206        | 206
///                 | else Changed   |           |           |             |         |            |         |            |
/// InProgress      | same: dup; 205 | 206       | 206       | Discont.    | 206     | 206        | 206     | dup        | Completed
/// Completed       | same: dup; 205 | 206       | 206       | 206         | 206     | 206        | 206     | dup (late) | dup
/// Discontinued    | same: dup; 205 | 206       | 206       | dup         | 206     | 206        | 206     | 206        | 206
/// Cancelled       | same: dup; 205 | 206       | dup       | 206         | 206     | 206        | 206     | 206        | 206
/// </code>
///
/// Before the table: a message already applied (same sender and MSH-10) is a duplicate in every
/// state, so a resend after a lost ACK gets AA again without a second event. "dup" otherwise
/// means the command asks for what the order already is: nothing to journal, AA. 204 is
/// UnknownKeyIdentifier at ORC-2; 205 DuplicateKeyIdentifier at ORC-2 (the accession is taken by
/// an order that cannot become this one: other content after it left Scheduled/Held, or another
/// placer order number); 206 ApplicationRecordLocked at ORC-1 (the order's state does not allow
/// this order control: table 0357 has no "wrong state" code, and 206 says "this record cannot be
/// changed now" without suggesting a broker fault the way 207 would). A placer order number that
/// differs from the existing order's is 205 for NW and XO in every state.
/// Terminal states (Completed, Discontinued, Cancelled) refuse every change. A late IP after CM
/// is accepted as a no-op because the EHR's later message already said more.
/// </summary>
// HL7 2.5.1 4.5.1.1 ORC-1 (table 0119), 4.5.1.5 ORC-5 (table 0038), 2.14.9.10 MSH-10;
// IHE RAD TF-2 4.2 (RAD-2), 4.4 (RAD-4), 4.13 (RAD-13); dcm4chee-arc ORC-1_ORC-5 status table
public static class OrderDecider
{
    public static OrderDecision Decide(OrderSnapshot state, IOrderCommand command)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(command);

        if (command.Key != state.Key)
        {
            // A routing bug, not the sender's fault; refuse rather than corrupt another order.
            return Reject(command, $"command for order {command.Key} reached order {state.Key}", Hl7ErrorCode.ApplicationInternalError, null);
        }

        if (state.HasProcessed(command.Message))
        {
            return new OrderDecision.Duplicate(
                $"message {command.Message.MessageControlId} from {command.Message.SendingApplication}/{command.Message.SendingFacility} was already applied to order {state.Key.Accession}");
        }

        if (!state.Exists && command is not PlaceOrder)
        {
            return Reject(command, $"{Control(command)} for accession {state.Key.Accession}: no such order at site {state.Key.Site}", Hl7ErrorCode.UnknownKeyIdentifier, Field(command, 2));
        }

        return command switch
        {
            PlaceOrder c => Place(state, c),
            ChangeOrder c => Change(state, c),
            CancelOrder c => Cancel(state, c),
            DiscontinueOrder c => Discontinue(state, c),
            HoldOrder c => Hold(state, c),
            ReleaseOrder c => Release(state, c),
            ChangeOrderStatus c => Status(state, c),
            _ => Reject(command, $"unknown order command {command.GetType().Name}", Hl7ErrorCode.ApplicationInternalError, null),
        };
    }

    public static OrderSnapshot Apply(OrderSnapshot state, IOrderEvent e)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(e);

        var next = e switch
        {
            OrderPlaced p => state with
            {
                State = OrderState.Scheduled,
                Details = WithStepStatus(p.Details, OrderState.Scheduled),
                PlacedAt = state.PlacedAt ?? p.Message.ReceivedAt,
            },
            // A change never moves the state; an order the journal shows changed before it was
            // placed cannot come from this decider, but Apply stays total: it is then Scheduled.
            OrderChanged c => state with
            {
                State = state.State == OrderState.None ? OrderState.Scheduled : state.State,
                Details = WithStepStatus(c.Details, state.State == OrderState.None ? OrderState.Scheduled : state.State),
            },
            OrderCancelled c => Moved(state, OrderState.Cancelled, c.OrderStatus),
            OrderDiscontinued d => Moved(state, OrderState.Discontinued, d.OrderStatus),
            OrderHeld => Moved(state, OrderState.Held, null),
            OrderReleased => Moved(state, OrderState.Scheduled, null),
            OrderStatusChanged s => Moved(state, s.NewState, s.OrderStatus),
            _ => throw new ArgumentException($"unknown order event {e.GetType().Name}", nameof(e)),
        };

        return next with
        {
            Version = state.Version + 1,
            LastMessage = e.Message,
            ProcessedMessageIds = Remember(state.ProcessedMessageIds, e.Message.IdempotencyKey),
        };
    }

    private static OrderDecision Place(OrderSnapshot state, PlaceOrder c)
    {
        // (An order without details only comes from a journal that never held an OrderPlaced.)
        if (!state.Exists || state.Details is not { } existing)
        {
            return Accept(new OrderPlaced(c.Key, c.Message, c.Details));
        }

        var incoming = KeepStudyUid(existing, c.Details);
        if (SameOrder(existing, incoming))
        {
            return new OrderDecision.Duplicate($"NW for accession {c.Key.Accession} repeats the order as it is (message {c.Message.MessageControlId})");
        }

        if (OtherPlacerOrder(existing, incoming) is { } conflict)
        {
            return Reject(c, conflict, Hl7ErrorCode.DuplicateKeyIdentifier, Field(c, 2));
        }

        // Another NW for an order that is still only scheduled: EHRs resend a corrected new
        // order instead of an XO often enough that refusing it would only make work.
        if (state.State is OrderState.Scheduled or OrderState.Held)
        {
            return Accept(new OrderChanged(c.Key, c.Message, incoming));
        }

        return Reject(
            c,
            $"NW for accession {c.Key.Accession}: an order with this accession is already {Describe(state.State)} and this NW differs from it",
            Hl7ErrorCode.DuplicateKeyIdentifier,
            Field(c, 2));
    }

    private static OrderDecision Change(OrderSnapshot state, ChangeOrder c)
    {
        if (state.Details is not { } existing)
        {
            return Reject(c, $"XO for accession {c.Key.Accession}: the order has no details to change", Hl7ErrorCode.UnknownKeyIdentifier, Field(c, 2));
        }

        var incoming = KeepStudyUid(existing, c.Details);
        if (OtherPlacerOrder(existing, incoming) is { } conflict)
        {
            return Reject(c, conflict, Hl7ErrorCode.DuplicateKeyIdentifier, Field(c, 2));
        }

        return state.State switch
        {
            OrderState.Scheduled or OrderState.Held when SameOrder(existing, incoming) =>
                new OrderDecision.Duplicate($"XO for accession {c.Key.Accession} changes nothing"),
            OrderState.Scheduled or OrderState.Held => Accept(new OrderChanged(c.Key, c.Message, incoming)),
            OrderState.InProgress => Locked(c, state, "the exam has started; a change now would not reach the images, reconcile it by hand"),
            _ => Locked(c, state, "the order is closed"),
        };
    }

    private static OrderDecision Cancel(OrderSnapshot state, CancelOrder c) => state.State switch
    {
        OrderState.Scheduled or OrderState.Held => Accept(new OrderCancelled(c.Key, c.Message, c.OrderStatus)),
        OrderState.Cancelled => new OrderDecision.Duplicate($"order {c.Key.Accession} is already cancelled"),
        // IHE RAD TF-2 4.3: an order that has started is discontinued, not cancelled.
        OrderState.InProgress => Locked(c, state, "the exam has started; send DC (discontinue) instead"),
        _ => Locked(c, state, "the order is closed"),
    };

    private static OrderDecision Discontinue(OrderSnapshot state, DiscontinueOrder c) => state.State switch
    {
        OrderState.Scheduled or OrderState.Held or OrderState.InProgress => Accept(new OrderDiscontinued(c.Key, c.Message, c.OrderStatus)),
        OrderState.Discontinued => new OrderDecision.Duplicate($"order {c.Key.Accession} is already discontinued"),
        _ => Locked(c, state, "the order is closed"),
    };

    private static OrderDecision Hold(OrderSnapshot state, HoldOrder c) => state.State switch
    {
        OrderState.Scheduled => Accept(new OrderHeld(c.Key, c.Message)),
        OrderState.Held => new OrderDecision.Duplicate($"order {c.Key.Accession} is already on hold"),
        OrderState.InProgress => Locked(c, state, "an exam in progress cannot be put on hold"),
        _ => Locked(c, state, "the order is closed"),
    };

    private static OrderDecision Release(OrderSnapshot state, ReleaseOrder c) => state.State switch
    {
        OrderState.Held => Accept(new OrderReleased(c.Key, c.Message)),
        OrderState.Scheduled => new OrderDecision.Duplicate($"order {c.Key.Accession} is not on hold; nothing to release"),
        OrderState.InProgress => Locked(c, state, "the order was never held"),
        _ => Locked(c, state, "the order is closed"),
    };

    private static OrderDecision Status(OrderSnapshot state, ChangeOrderStatus c)
    {
        if (!OrderStatusCodes.TryGetReportedState(c.OrderStatus, out var target))
        {
            return Reject(c, $"ORC-5 order status '{c.OrderStatus}' is not one the broker acts on with {Control(c)} (SC, IP, CM, A)", Hl7ErrorCode.TableValueNotFound, Field(c, 5));
        }

        if (state.State == target)
        {
            return new OrderDecision.Duplicate($"order {c.Key.Accession} is already {Describe(target)}");
        }

        return (state.State, target) switch
        {
            (OrderState.Held, _) => Locked(c, state, "release it (RL) first"),
            (OrderState.Scheduled, OrderState.InProgress or OrderState.Completed) => Accept(new OrderStatusChanged(c.Key, c.Message, target, c.OrderStatus)),
            (OrderState.InProgress, OrderState.Completed) => Accept(new OrderStatusChanged(c.Key, c.Message, target, c.OrderStatus)),
            (OrderState.Completed, OrderState.InProgress) => new OrderDecision.Duplicate($"order {c.Key.Accession} is already completed; a late in-progress status changes nothing"),
            (OrderState.InProgress, OrderState.Scheduled) => Locked(c, state, "an exam that has started cannot go back to scheduled"),
            _ => Locked(c, state, "the order is closed"),
        };
    }

    // A UID the broker made up, or none at all, never replaces the UID the order already has:
    // a generated UID would otherwise change on every resend, and images may already carry the old one.
    private static OrderDetails KeepStudyUid(OrderDetails existing, OrderDetails incoming) =>
        incoming.StudyInstanceUidOrigin == StudyUidOrigin.Message || existing.StudyInstanceUid.Length == 0
            ? incoming
            : incoming with { StudyInstanceUid = existing.StudyInstanceUid, StudyInstanceUidOrigin = existing.StudyInstanceUidOrigin };

    // Same order content, ignoring what the order's lifecycle (not the EHR's content) changed since:
    // the steps' SPS status and the last ORC-5 (NW/SC and NW/IP place the same order).
    private static bool SameOrder(OrderDetails existing, OrderDetails incoming) =>
        ContentOnly(existing) == ContentOnly(incoming);

    private static OrderDetails ContentOnly(OrderDetails details) =>
        WithStepStatus(details, OrderState.Scheduled) with { OrderStatusCode = "" };

    private static string? OtherPlacerOrder(OrderDetails existing, OrderDetails incoming) =>
        existing.PlacerOrderNumber.Length > 0
        && incoming.PlacerOrderNumber.Length > 0
        && !string.Equals(existing.PlacerOrderNumber, incoming.PlacerOrderNumber, StringComparison.Ordinal)
            ? $"accession {existing.Accession} belongs to placer order {existing.PlacerOrderNumber}, not {incoming.PlacerOrderNumber}"
            : null;

    private static OrderSnapshot Moved(OrderSnapshot state, OrderState to, string? orderStatus)
    {
        if (state.Details is not { } details)
        {
            return state with { State = to };
        }

        details = WithStepStatus(details, to);
        if (orderStatus is not null)
        {
            details = details with { OrderStatusCode = orderStatus };
        }

        return state with { State = to, Details = details };
    }

    private static OrderDetails WithStepStatus(OrderDetails details, OrderState state)
    {
        var status = SpsStatus.For(state);
        var steps = details.ScheduledSteps;
        var same = true;
        foreach (var step in steps)
        {
            same &= step.Status == status;
        }

        return same ? details : details with { ScheduledSteps = [.. steps.Select(s => s with { Status = status })] };
    }

    private static IReadOnlyList<string> Remember(IReadOnlyList<string> ids, string id)
    {
        if (ids.Contains(id, StringComparer.Ordinal))
        {
            return ids;
        }

        var skip = Math.Max(0, ids.Count + 1 - OrderSnapshot.MaxProcessedMessageIds);
        var list = new List<string>(ids.Count + 1 - skip);
        for (var i = skip; i < ids.Count; i++)
        {
            list.Add(ids[i]);
        }

        list.Add(id);
        return list;
    }

    private static OrderDecision.Accepted Accept(IOrderEvent e) => new([e]);

    private static OrderDecision.Rejected Locked(IOrderCommand c, OrderSnapshot state, string why) =>
        Reject(c, $"{Control(c)} for accession {c.Key.Accession} refused: the order is {Describe(state.State)}; {why}", Hl7ErrorCode.ApplicationRecordLocked, Field(c, 1));

    private static OrderDecision.Rejected Reject(IOrderCommand c, string reason, Hl7ErrorCode code, Hl7Location? location) =>
        new(new OrderRejection(reason, code, location));

    private static Hl7Location Field(IOrderCommand c, int field) => new("ORC", Math.Max(1, c.OrderGroup), field);

    // How analysts name what arrived: the order control (and status) of the ORC.
    private static string Control(IOrderCommand c) => c switch
    {
        PlaceOrder => "NW",
        ChangeOrder => "XO",
        CancelOrder => "CA",
        DiscontinueOrder => "DC",
        HoldOrder => "HD",
        ReleaseOrder => "RL",
        ChangeOrderStatus s => s.OrderControl + "/" + s.OrderStatus,
        _ => c.GetType().Name,
    };

    private static string Describe(OrderState state) => state switch
    {
        OrderState.InProgress => "in progress",
        OrderState.Held => "on hold",
        _ => state.ToString().ToLowerInvariant(),
    };
}
