using ActorBroker.Domain.Orders;
using ActorBroker.Domain.Worklist;
using Akka.Persistence.Query;

namespace ActorBroker.Host;

/// <summary>JSON shapes of orders for abctl (the contract in docs/cli.md).</summary>
internal static class OrderViews
{
    public static object Summary(OrderSnapshot o)
    {
        var d = o.Details;
        var step = d?.ScheduledSteps.Count > 0 ? d.ScheduledSteps[0] : null;
        return new
        {
            site = o.Key.Site,
            accession = o.Key.Accession,
            state = o.State.ToString(),
            patientId = d?.Patient.PatientId,
            patientName = d?.Patient.PatientName,
            modality = d?.Modality,
            stationAeTitle = step?.StationAeTitle,
            scheduledStart = step is null ? null : LocalStart(step.Start),
            placerOrderNumber = d?.PlacerOrderNumber,
            updatedAt = o.LastMessage?.ReceivedAt,
        };
    }

    public static object Detail(OrderSnapshot o, IReadOnlyList<WorklistItem> items, IReadOnlyList<EventEnvelope> events)
    {
        var d = o.Details;
        return new
        {
            site = o.Key.Site,
            accession = o.Key.Accession,
            state = o.State.ToString(),
            placerOrderNumber = d?.PlacerOrderNumber,
            fillerOrderNumber = d?.FillerOrderNumber,
            modality = d?.Modality,
            priority = d?.Priority,
            studyInstanceUid = d?.StudyInstanceUid,
            requestedProcedure = d?.RequestedProcedure,
            reasonForRequest = d?.ReasonForRequest,
            comments = d?.Comments,
            referringPhysician = d?.ReferringPhysician,
            patient = d is null ? null : new
            {
                patientId = d.Patient.PatientId,
                issuer = d.Patient.IssuerOfPatientId,
                name = d.Patient.PatientName,
                birthDate = d.Patient.BirthDate,
                sex = d.Patient.Sex,
                otherPatientIds = d.Patient.OtherPatientIds,
            },
            scheduledSteps = d?.ScheduledSteps.Select(s => new
            {
                spsId = s.StepId,
                modality = s.Modality,
                stationAeTitle = s.StationAeTitle,
                startDate = s.Start.Date,
                startTime = s.Start.Time,
                timezoneOffset = s.Start.UtcOffset,
                start = LocalStart(s.Start),
                description = s.Description,
                status = s.Status,
            }).ToList(),
            // What a modality would see on its worklist right now (empty when the state hides it).
            worklistItems = items.Select(i => new
            {
                spsId = i.SpsId,
                modality = i.Modality,
                stationAeTitle = i.ScheduledStationAeTitle,
                startDate = i.SpsStartDate,
                startTime = i.SpsStartTime,
                timezoneOffset = i.TimezoneOffsetFromUtc,
                description = i.SpsDescription,
                status = i.SpsStatus,
                patientName = i.PatientName,
            }).ToList(),
            // Issue 4: the MPPS steps performed for the order (latest status per MPPS instance).
            performedSteps = o.PerformedSteps.Select(p => new
            {
                mppsUid = p.MppsInstanceUid,
                studyInstanceUid = p.StudyInstanceUid,
                status = p.Status,
                station = p.PerformedStationAeTitle,
                modality = p.Modality,
                start = p.StartDateTime,
                end = p.EndDateTime,
                discontinuationReason = p.DiscontinuationReason?.Meaning,
                series = p.SeriesCount,
                images = p.ImageCount,
            }).ToList(),
            // Issue 5: every report version received, oldest first (P, F, C ...).
            reports = o.Reports.Select(r => new
            {
                status = r.ResultStatus,
                source = r.Source,
                reportId = r.ReportId,
                interpreter = r.Interpreter,
                observedAt = r.ObservedAt,
                lines = r.Lines,
            }).ToList(),
            events = events.Select(e => new
            {
                sequenceNr = e.SequenceNr,
                timestamp = e.Event is IOrderEvent oe ? oe.Message.ReceivedAt : (DateTimeOffset?)null,
                type = e.Event.GetType().Name,
                messageControlId = (e.Event as IOrderEvent)?.Message.MessageControlId,
                summary = Summarise(e.Event),
            }).ToList(),
        };
    }

    // Site-local wall time with its offset: what the technologist sees, unambiguous for machines.
    private static string LocalStart(ScheduledTime t) =>
        t.Instant.ToOffset(ParseOffset(t.UtcOffset)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);

    private static TimeSpan ParseOffset(string offset) =>
        offset.Length == 5 && int.TryParse(offset.AsSpan(1, 2), out var h) && int.TryParse(offset.AsSpan(3, 2), out var m)
            ? (offset[0] == '-' ? -1 : 1) * new TimeSpan(h, m, 0)
            : TimeSpan.Zero;

    private static string Summarise(object e) => e switch
    {
        OrderPlaced p => $"placed: {p.Details.Modality} {string.Join(", ", p.Details.ScheduledSteps.Select(s => $"{s.StepId} {s.Start.Date} {s.Start.Time} at {s.StationAeTitle}"))}",
        OrderChanged c => $"changed: {string.Join(", ", c.Details.ScheduledSteps.Select(s => $"{s.StepId} {s.Start.Date} {s.Start.Time} at {s.StationAeTitle}"))}",
        OrderCancelled c => $"cancelled (ORC-5 {c.OrderStatus})",
        OrderDiscontinued d => $"discontinued (ORC-5 {d.OrderStatus})",
        OrderHeld => "held",
        OrderReleased => "released",
        OrderStatusChanged s => $"status {s.NewState} (ORC-5 {s.OrderStatus})",
        ProcedureStepRecorded p => $"MPPS {p.Step.Status} from {p.Step.PerformedStationAeTitle}: {p.NewState}" + (p.Notice is null ? "" : $" (EHR told {p.Notice.OrderStatus})"),
        ProcedureStepAwaitingOrder p => $"MPPS {p.Step.Status} from {p.Step.PerformedStationAeTitle} before the order: kept",
        ReportRecorded r => $"report {r.Report.ResultStatus} ({r.Report.Source}, {r.Report.Lines.Count} lines): {r.NewState}" + (r.NoProcedureStepYet ? ", no MPPS yet" : ""),
        ReportAwaitingOrder r => $"report {r.Report.ResultStatus} ({r.Report.Source}) before the order: kept",
        _ => e.GetType().Name,
    };
}
