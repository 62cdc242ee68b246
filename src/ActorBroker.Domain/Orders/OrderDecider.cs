using ActorBroker.Hl7;

namespace ActorBroker.Domain.Orders;

/// <summary>
/// The order lifecycle as two pure functions: Decide (state, command) -> events, duplicate or
/// rejection; Apply (state, event) -> state. Every (state, command) pair has an outcome.
///
/// Commands from the EHR (HL7 order controls):
/// <code>
/// state \ command | NW place       | XO change | CA cancel | DC discont. | HD hold | RL release | SC->SC  | SC->IP     | SC->CM/A
/// None            | Placed (+kept) | 204       | 204       | 204         | 204     | 204        | 204     | 204        | 204
/// Scheduled       | same: dup;     | Changed   | Cancelled | Discont.    | Held    | dup        | dup     | InProgress | Completed
///                 | else Changed   |           |           |             |         |            |         |            |
/// Held            | same: dup;     | Changed   | Cancelled | Discont.    | dup     | Released   | 206     | 206        | 206
///                 | else Changed   |           |           |             |         |            |         |            |
/// InProgress      | same: dup; 205 | 206       | 206       | Discont.    | 206     | 206        | 206     | dup        | Completed
/// Completed       | same: dup; 205 | 206       | 206       | 206         | 206     | 206        | 206     | dup (late) | dup
/// ReportedP/F/C   | same: dup; 205 | 206       | 206       | 206         | 206     | 206        | 206     | dup (late) | dup (late)
/// Discontinued    | same: dup; 205 | 206       | 206       | dup; (M):   | 206     | 206        | 206     | 206        | 206
///                 |                |           |           | Discont.    |         |            |         |            |
/// Cancelled       | same: dup; 205 | 206       | dup       | 206         | 206     | 206        | 206     | 206        | 206
/// </code>
///
/// Commands from modalities and reporting (RecordProcedureStep: one MPPS instance's status;
/// RecordReport: one report version with result status P, F or C):
/// <code>
/// state \ command   | MPPS IN PROGRESS   | MPPS COMPLETED     | MPPS DISCONTINUED  | report P      | report F      | report C
/// None              | kept, raise 204    | kept, raise 204    | kept, raise 204    | kept, raise 204 (all three)
/// Scheduled, Held   | InProgress +IP     | Completed +CM      | Discont. +DC       | RepP +R       | RepF +R       | RepC +R
/// InProgress        | by all MPPS (*)    | by all MPPS (*)    | by all MPPS (*)    | RepP +R       | RepF +R       | RepC +R
/// Completed         | recorded, stays    | recorded, stays    | recorded, stays    | RepP +R       | RepF +R       | RepC +R
/// ReportedP         | recorded, stays    | recorded, stays    | recorded, stays    | RepP +R       | RepF +R       | RepC +R
/// ReportedF, RepC   | recorded, stays    | recorded, stays    | recorded, stays    | 206 (OBR-25)  | RepF +R       | RepC +R
/// Discontinued (M)  | by all MPPS (*)    | by all MPPS (*)    | by all MPPS (*)    | 206           | 206           | 206
/// Discontinued (E)  | stays, raise 206   | stays, raise 206   | stays, raise 206   | 206           | 206           | 206
/// Cancelled         | stays, raise 206   | stays, raise 206   | stays, raise 206   | 206           | 206           | 206
/// </code>
/// (*) The order's MPPS instances, this one included (one per MPPS UID, latest status), decide:
/// any IN PROGRESS -> InProgress; else any COMPLETED -> Completed; else (all DISCONTINUED) ->
/// Discontinued. So with several MPPS per order (grouped procedures, a repeated acquisition) the
/// order completes only when none is still running, and is discontinued only when every one was.
/// +IP/+CM/+DC: the event carries a status notice for the EHR (ORC-5) because the order moved;
/// no move, no notice. +R: a result notice (every accepted report). A COMPLETED straight from
/// Scheduled sends CM only: the broker does not invent an IP it never saw (CM says the exam
/// happened; EHRs accept SC -> CM, the EHR's own SC/CM does the same). "recorded, stays": the step
/// is kept on the order without a state change or notice: a late or extra MPPS after the exam ended
/// or was reported says nothing new to the EHR. (M) discontinued because all its MPPS were:
/// a new MPPS reopens it (the modality repeated the exam), and the EHR's own DC then closes it
/// for good (E). "stays, raise 206" (discontinued by the EHR, or cancelled): the MPPS is
/// journaled on the order (nothing the modality did is lost) and the decision is Accepted with a
/// Warning (206) for the actor to raise: the exam happened on an order the EHR had closed. "kept": the empty entity
/// journals ProcedureStepAwaitingOrder / ReportAwaitingOrder and raises 204; the NW that places
/// the order then returns OrderPlaced followed by what the kept steps and reports decide on the
/// new order (steps first, in arrival order, then reports), notices included.
/// A report on an order with no MPPS is accepted (ReportRecorded.NoProcedureStepYet says so).
/// A preliminary after a final or corrected report would step back: refused (206 at OBR-25);
/// a final after a final (another ReportId) or after a correction is a new version, accepted.
///
/// Before the tables: a message already applied (same sender and MSH-10) is a duplicate in every
/// state, so a resend after a lost ACK gets AA again without a second event. An MPPS whose UID
/// the order already holds with the same status is a duplicate, and so is a late IN PROGRESS
/// for one already COMPLETED or DISCONTINUED; COMPLETED after DISCONTINUED (or the reverse) is 206
/// (a final MPPS state is final). A report with the source, ReportId and result status of one
/// already recorded is a duplicate. An MPPS status other than the three defined terms, or a
/// report status other than P/F/C, is 103 (for a report at OBR-25).
/// "dup" otherwise means the command asks for what the order already is: nothing to journal, AA.
/// 204 is UnknownKeyIdentifier at ORC-2; 205 DuplicateKeyIdentifier at ORC-2 (the accession is taken by
/// an order that cannot become this one: other content after it left Scheduled/Held, or another
/// placer order number); 206 ApplicationRecordLocked at ORC-1 (the order's state does not allow
/// this order control: table 0357 has no "wrong state" code, and 206 says "this record cannot be
/// changed now" without suggesting a broker fault the way 207 would); for MPPS and reports the
/// 206s have no location (nothing in the message is wrong, the order is closed) except the
/// regression at OBR-25. A placer order number that differs from the existing order's is 205 for
/// NW and XO in every state. The report states count as closed for every EHR command, like
/// Completed. A late IP after CM (or after a report) is accepted as a no-op because the later
/// message already said more.
/// </summary>
// HL7 2.5.1 4.5.1.1 ORC-1 (table 0119), 4.5.1.5 ORC-5 (table 0038), 2.14.9.10 MSH-10;
// IHE RAD TF-2 4.2 (RAD-2), 4.4 (RAD-4), 4.13 (RAD-13), 4.6/4.7 (RAD-6/7 MPPS), 4.42 (RAD-42);
// DICOM PS3.4 F.7.2 (MPPS); HL7 2.5.1 4.5.3.25 OBR-25 (table 0123); dcm4chee-arc ORC-1_ORC-5 status table
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

        if (!state.Exists && command is not (PlaceOrder or RecordProcedureStep or RecordReport))
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
            RecordProcedureStep c => Step(state, c, c.Message, c.Step, c.Message.ReceivedAt),
            RecordReport c => Report(state, c, c.Message, c.Report, c.Message.ReceivedAt),
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
                // What came before the order is decided together with the placement (the events
                // that follow OrderPlaced in the same write): nothing waits any longer.
                AwaitingSteps = [],
                AwaitingReports = [],
                PerformedBeforeOrder = state.PerformedBeforeOrder || state.AwaitingSteps.Count > 0 || state.AwaitingReports.Count > 0,
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
            ProcedureStepRecorded r => Moved(state, r.NewState, null) with { PerformedSteps = Upsert(state.PerformedSteps, r.Step) },
            ProcedureStepAwaitingOrder a => state with { AwaitingSteps = [.. state.AwaitingSteps, a] },
            ReportRecorded r => Moved(state, r.NewState, null) with { Reports = [.. state.Reports, r.Report] },
            ReportAwaitingOrder a => state with { AwaitingReports = [.. state.AwaitingReports, a] },
            _ => throw new ArgumentException($"unknown order event {e.GetType().Name}", nameof(e)),
        };

        return next with
        {
            Version = state.Version + 1,
            LastMessage = e.Message,
            ProcessedMessageIds = Remember(state.ProcessedMessageIds, e.Message.IdempotencyKey),
            DiscontinuedByModality = next.State == OrderState.Discontinued && e switch
            {
                // A step that moved the order to Discontinued: the modality's doing.
                ProcedureStepRecorded when state.State != OrderState.Discontinued => true,
                OrderDiscontinued => false,
                _ => state.DiscontinuedByModality,
            },
        };
    }

    private static OrderDecision Place(OrderSnapshot state, PlaceOrder c)
    {
        // (An order without details only comes from a journal that never held an OrderPlaced.)
        if (!state.Exists || state.Details is not { } existing)
        {
            return PlaceWithKept(state, c);
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
        // The modality discontinued it; the EHR now closes it too (a new MPPS no longer reopens it).
        OrderState.Discontinued when state.DiscontinuedByModality => Accept(new OrderDiscontinued(c.Key, c.Message, c.OrderStatus)),
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
            (OrderState.ReportedPreliminary or OrderState.ReportedFinal or OrderState.ReportedCorrected, OrderState.InProgress or OrderState.Completed) =>
                new OrderDecision.Duplicate($"order {c.Key.Accession} is already {Describe(state.State)}; a late {c.OrderStatus} status changes nothing"),
            (OrderState.InProgress, OrderState.Scheduled) => Locked(c, state, "an exam that has started cannot go back to scheduled"),
            _ => Locked(c, state, "the order is closed"),
        };
    }

    // NW for an order that does not exist: place it, then decide what was kept while it did not
    // (steps first, in arrival order, then reports) on the new order, as if each came now. The
    // events all carry the NW's message (they are decided because of it); the notices keep the
    // time each step or report arrived. Whatever of it cannot be recorded becomes the warning.
    private static OrderDecision PlaceWithKept(OrderSnapshot state, PlaceOrder c)
    {
        var placed = new OrderPlaced(c.Key, c.Message, c.Details);
        if (state.AwaitingSteps.Count == 0 && state.AwaitingReports.Count == 0)
        {
            return Accept(placed);
        }

        var events = new List<IOrderEvent> { placed };
        var warnings = new List<OrderRejection>();
        var current = Apply(state, placed);
        foreach (var kept in state.AwaitingSteps)
        {
            current = Follow(current, Step(current, c, c.Message, kept.Step, kept.Message.ReceivedAt), events, warnings);
        }

        foreach (var kept in state.AwaitingReports)
        {
            current = Follow(current, Report(current, c, c.Message, kept.Report, kept.Message.ReceivedAt), events, warnings);
        }

        return new OrderDecision.Accepted(events) { Warning = Combine(warnings) };
    }

    private static OrderSnapshot Follow(OrderSnapshot state, OrderDecision decision, List<IOrderEvent> events, List<OrderRejection> warnings)
    {
        switch (decision)
        {
            case OrderDecision.Accepted accepted:
                foreach (var e in accepted.Events)
                {
                    events.Add(e);
                    state = Apply(state, e);
                }

                if (accepted.Warning is { } warning)
                {
                    warnings.Add(warning);
                }

                break;
            case OrderDecision.Rejected rejected:
                warnings.Add(rejected.Rejection);
                break;
        }

        return state;
    }

    private static OrderRejection? Combine(List<OrderRejection> warnings) => warnings.Count switch
    {
        0 => null,
        1 => warnings[0],
        _ => new OrderRejection(string.Join("; ", warnings.Select(w => w.Reason)), warnings[0].Code, warnings[0].Location),
    };

    // One MPPS instance's status for this order (RecordProcedureStep, or a kept step when the NW comes).
    private static OrderDecision Step(OrderSnapshot state, IOrderCommand c, MessageRef message, PerformedStep step, DateTimeOffset at)
    {
        var what = $"MPPS {step.MppsInstanceUid} {step.Status}";
        if (!MppsStatus.IsKnown(step.Status))
        {
            return Reject(c, $"{what} for accession {c.Key.Accession}: status '{step.Status}' is not {MppsStatus.InProgress}, {MppsStatus.Completed} or {MppsStatus.Discontinued}", Hl7ErrorCode.TableValueNotFound, null);
        }

        if (step.MppsInstanceUid.Length == 0)
        {
            return Reject(c, $"MPPS {step.Status} for accession {c.Key.Accession} has no SOP Instance UID: it could not be told from another", Hl7ErrorCode.RequiredFieldMissing, null);
        }

        var known = state.Exists ? Find(state.PerformedSteps, step.MppsInstanceUid) : FindKept(state.AwaitingSteps, step.MppsInstanceUid);
        if (known is not null)
        {
            if (known.Status == step.Status)
            {
                return new OrderDecision.Duplicate($"{what} is already recorded for order {c.Key.Accession}");
            }

            if (MppsStatus.IsFinal(known.Status))
            {
                return step.Status == MppsStatus.InProgress
                    ? new OrderDecision.Duplicate($"MPPS {step.MppsInstanceUid} of order {c.Key.Accession} is already {known.Status}; a late {MppsStatus.InProgress} changes nothing")
                    : Reject(c, $"{what} for accession {c.Key.Accession} refused: the MPPS is already {known.Status}, and a final MPPS state is final", Hl7ErrorCode.ApplicationRecordLocked, null);
            }
        }

        if (!state.Exists)
        {
            return new OrderDecision.Accepted([new ProcedureStepAwaitingOrder(c.Key, message, step)])
            {
                Warning = new OrderRejection(
                    $"{what} for accession {c.Key.Accession}: no such order at site {c.Key.Site} yet; the step is kept and recorded when the order arrives",
                    Hl7ErrorCode.UnknownKeyIdentifier,
                    null),
            };
        }

        switch (state.State)
        {
            case OrderState.Cancelled:
            case OrderState.Discontinued when !state.DiscontinuedByModality:
                // Journal it on the order unchanged (the exam did happen) and raise it.
                return new OrderDecision.Accepted([new ProcedureStepRecorded(c.Key, message, step, state.State, null)])
                {
                    Warning = new OrderRejection(
                        $"{what} for accession {c.Key.Accession}: the order is {Describe(state.State)} by the EHR, but the modality performed it; the step is recorded, reconcile the order by hand",
                        Hl7ErrorCode.ApplicationRecordLocked,
                        null),
                };
            case OrderState.Scheduled or OrderState.Held or OrderState.InProgress or OrderState.Discontinued:
                var target = ByAllSteps(Upsert(state.PerformedSteps, step));
                var notice = target == state.State || state.Details is not { } details
                    ? null
                    : Outbound.OutboundNotices.ForStatus(c.Key, details, StatusCodeOf(target), step.StudyInstanceUid, at);
                return Accept(new ProcedureStepRecorded(c.Key, message, step, target, notice));
            default:
                // Completed or reported (or a damaged journal's state): the exam's end is known.
                return Accept(new ProcedureStepRecorded(c.Key, message, step, state.State, null));
        }
    }

    // One report version for this order (RecordReport, or a kept report when the NW comes).
    private static OrderDecision Report(OrderSnapshot state, IOrderCommand c, MessageRef message, Reports.ReportContent report, DateTimeOffset at)
    {
        var what = $"{report.Source} report {report.ReportId} ({report.ResultStatus})";
        if (!ResultStatusCodes.TryGetReportedState(report.ResultStatus, out var target))
        {
            return Reject(
                c,
                $"{what} for accession {c.Key.Accession}: result status '{report.ResultStatus}' is not one the broker forwards (P, F, C)",
                Hl7ErrorCode.TableValueNotFound,
                ReportStatusField(c));
        }

        var seen = state.Exists
            ? state.Reports.Any(r => SameReport(r, report))
            : state.AwaitingReports.Any(r => SameReport(r.Report, report));
        if (seen)
        {
            return new OrderDecision.Duplicate($"{what} is already recorded for order {c.Key.Accession}");
        }

        if (!state.Exists)
        {
            return new OrderDecision.Accepted([new ReportAwaitingOrder(c.Key, message, report)])
            {
                Warning = new OrderRejection(
                    $"{what} for accession {c.Key.Accession}: no such order at site {c.Key.Site} yet; the report is kept and recorded when the order arrives",
                    Hl7ErrorCode.UnknownKeyIdentifier,
                    null),
            };
        }

        switch (state.State)
        {
            case OrderState.Cancelled or OrderState.Discontinued:
                return Reject(
                    c,
                    $"{what} for accession {c.Key.Accession} refused: the order is {Describe(state.State)}; a report for it is not forwarded, reconcile it by hand",
                    Hl7ErrorCode.ApplicationRecordLocked,
                    null);
            case OrderState.ReportedFinal or OrderState.ReportedCorrected when target == OrderState.ReportedPreliminary:
                return Reject(
                    c,
                    $"{what} for accession {c.Key.Accession} refused: the order is {Describe(state.State)}; a preliminary report now would step back",
                    Hl7ErrorCode.ApplicationRecordLocked,
                    ReportStatusField(c));
            default:
                var notice = state.Details is { } details ? Outbound.OutboundNotices.ForResult(c.Key, details, report, at) : null;
                return Accept(new ReportRecorded(c.Key, message, report, target, notice, NoProcedureStepYet: state.PerformedSteps.Count == 0));
        }
    }

    private static bool SameReport(Reports.ReportContent a, Reports.ReportContent b) =>
        string.Equals(a.Source, b.Source, StringComparison.Ordinal)
        && string.Equals(a.ReportId, b.ReportId, StringComparison.Ordinal)
        && string.Equals(a.ResultStatus, b.ResultStatus, StringComparison.Ordinal);

    // OBR-25 of the report's order group; an SR has no OBR, but the location still names the field analysts know.
    private static Hl7Location ReportStatusField(IOrderCommand c) => new("OBR", Math.Max(1, c.OrderGroup), 25);

    // Any MPPS still running -> InProgress; else any completed -> Completed; else all discontinued.
    private static OrderState ByAllSteps(IReadOnlyList<PerformedStep> steps)
    {
        var completed = false;
        foreach (var s in steps)
        {
            if (s.Status == MppsStatus.InProgress)
            {
                return OrderState.InProgress;
            }

            completed |= s.Status == MppsStatus.Completed;
        }

        return completed ? OrderState.Completed : OrderState.Discontinued;
    }

    private static string StatusCodeOf(OrderState state) => state switch
    {
        OrderState.InProgress => OrderStatusCodes.InProcess,
        OrderState.Completed => OrderStatusCodes.Completed,
        _ => OrderStatusCodes.Discontinued,
    };

    private static PerformedStep? Find(IReadOnlyList<PerformedStep> steps, string mppsUid)
    {
        foreach (var s in steps)
        {
            if (string.Equals(s.MppsInstanceUid, mppsUid, StringComparison.Ordinal))
            {
                return s;
            }
        }

        return null;
    }

    // The latest kept status of this MPPS (kept steps are a history, not one entry per UID).
    private static PerformedStep? FindKept(IReadOnlyList<ProcedureStepAwaitingOrder> kept, string mppsUid)
    {
        for (var i = kept.Count - 1; i >= 0; i--)
        {
            if (string.Equals(kept[i].Step.MppsInstanceUid, mppsUid, StringComparison.Ordinal))
            {
                return kept[i].Step;
            }
        }

        return null;
    }

    // One entry per MPPS UID, in first-seen order, holding its latest status.
    private static IReadOnlyList<PerformedStep> Upsert(IReadOnlyList<PerformedStep> steps, PerformedStep step)
    {
        var list = new List<PerformedStep>(steps.Count + 1);
        var replaced = false;
        foreach (var s in steps)
        {
            if (!replaced && string.Equals(s.MppsInstanceUid, step.MppsInstanceUid, StringComparison.Ordinal))
            {
                list.Add(step);
                replaced = true;
            }
            else
            {
                list.Add(s);
            }
        }

        if (!replaced)
        {
            list.Add(step);
        }

        return list;
    }

    // A UID the broker made up, or none at all, never replaces the UID the order already has:
    // a generated UID would otherwise change on every resend, and images may already carry the old one.
    private static OrderDetails KeepStudyUid(OrderDetails existing, OrderDetails incoming) =>
        incoming.StudyInstanceUidOrigin == StudyUidOrigin.Message || existing.StudyInstanceUid.Length == 0
            ? incoming
            : incoming with { StudyInstanceUid = existing.StudyInstanceUid, StudyInstanceUidOrigin = existing.StudyInstanceUidOrigin };

    // Same order content, ignoring what the order's lifecycle (not the EHR's content) changed since:
    // the steps' SPS status and the last ORC-5 (NW/SC and NW/IP place the same order), and the
    // message's MSH-18 (a resend that spells its character set differently is the same order).
    private static bool SameOrder(OrderDetails existing, OrderDetails incoming) =>
        ContentOnly(existing) == ContentOnly(incoming);

    private static OrderDetails ContentOnly(OrderDetails details) =>
        WithStepStatus(details, OrderState.Scheduled) with { OrderStatusCode = "", Hl7CharacterSet = "" };

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
        RecordProcedureStep s => $"MPPS {s.Step.MppsInstanceUid} {s.Step.Status}",
        RecordReport r => $"{r.Report.Source} report {r.Report.ReportId} ({r.Report.ResultStatus})",
        _ => c.GetType().Name,
    };

    private static string Describe(OrderState state) => state switch
    {
        OrderState.InProgress => "in progress",
        OrderState.Held => "on hold",
        OrderState.ReportedPreliminary => "reported (preliminary)",
        OrderState.ReportedFinal => "reported (final)",
        OrderState.ReportedCorrected => "reported (corrected)",
        _ => state.ToString().ToLowerInvariant(),
    };
}
