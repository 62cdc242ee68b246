using ActorBroker.Domain.Orders;
using ActorBroker.Domain.Sites;
using ActorBroker.Hl7;

namespace ActorBroker.Domain.Mapping;

/// <summary>
/// ORM^O01 and OMI^O23 -> order commands, one per ORC/OBR group (= per accession), with the site's
/// rules. The whole message maps or none of it does: the first problem is returned as an HL7 error
/// with the exact location, in this order: MSH-9 (type), MSH-4 (site), MSH-10, then per group
/// ORC-1/ORC-5, accession, and the fields the command needs. Only NW and XO need the patient,
/// timing and procedure; CA, DC, HD, RL and SC need only the accession.
///
/// Field precedence (domain.md's table, with the choices it leaves open):
/// <list type="bullet">
/// <item>Accession: OBR-18; for OMI, IPC-1.1 when OBR-18 is empty. Never ORC-3: that is the
/// filler order number, equal to the accession in some feeds and not in others.</item>
/// <item>Scheduled start: TQ1-7, else ORC-7.4, else OBR-27.4, else OBR-6 (requested date/time,
/// the field pre-TQ senders used). Not OBR-7: senders fill it with the order time. None of them
/// is an error: an SPS Start Date is Type 1 in the worklist.</item>
/// <item>Priority: TQ1-9, else ORC-7.6, else OBR-27.6 (TQ1 replaces the deprecated TQ fields in
/// 2.5, so it wins when both are sent); none is ROUTINE. See <see cref="PriorityTable"/>.</item>
/// <item>Modality: OBR-24, else (OMI) the first IPC-5; per step IPC-5 when present.</item>
/// <item>Study UID: ZDS-1 (ORM) or IPC-3 (OMI; ZDS-1 as a fallback); absent: the site's policy
/// for NW; for XO the existing UID is kept (the decider does it).</item>
/// <item>Requested procedure: OBR-4 (code, text, system; the alternate triplet when the primary
/// code is empty); ID OBR-19, else IPC-2, else the accession (Requested Procedure ID is Type 1).</item>
/// <item>SPS: ORM one step: ID OBR-20 (else the accession), description and protocol code OBR-4.
/// OMI one per IPC: ID IPC-4 (required), protocol IPC-6 (else OBR-4), station name IPC-7, location
/// IPC-8, AE title IPC-9. A missing AE title comes from the site's station rules; a missing station
/// name or location from the configured station.</item>
/// <item>Referring physician PV1-8, else ORC-12; requesting physician OBR-16, else ORC-12.</item>
/// <item>Comments: the NTE-3s after the OBR, joined with a newline.</item>
/// <item>HL7 character set: MSH-18 (first repetition) as sent, on every order of the message.</item>
/// </list>
/// </summary>
// HL7 2.5.1 4.4.1 ORM^O01, 4.4.6 OMI^O23, 4.5.1 ORC, 4.5.3 OBR, 4.5.4 TQ1, 4.5.6 IPC;
// IHE RAD TF-2 4.4 (RAD-4 procedure scheduled), 4.13 (RAD-13); DICOM PS3.4 K.6.1
public static class Hl7OrderMapper
{
    public static OrderMappingResult Map(Hl7Message message, SiteDirectory sites, DateTimeOffset receivedAt) =>
        Map(message, sites, receivedAt, Guid.NewGuid);

    /// <summary>As <see cref="Map(Hl7Message, SiteDirectory, DateTimeOffset)"/>, with the UUID source for the Generate policy (for tests).</summary>
    public static OrderMappingResult Map(Hl7Message message, SiteDirectory sites, DateTimeOffset receivedAt, Func<Guid> newGuid)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(sites);
        ArgumentNullException.ThrowIfNull(newGuid);

        var msh = message.Msh;
        var kind = MessageKindOf(msh);
        if (kind.Error is { } typeError)
        {
            return OrderMappingResult.Failure(typeError);
        }

        var facility = msh.SendingFacility.Trim();
        var site = sites.ResolveByFacility(facility);
        if (site is null)
        {
            var known = string.Join(", ", sites.Sites.SelectMany(s => s.SendingFacilities));
            return OrderMappingResult.Failure(new Hl7Error(
                Hl7ErrorCode.TableValueNotFound,
                msh.Segment.LocationOf(4),
                $"MSH-4 sending facility '{facility}' is not configured for any site (configured: {known})"));
        }

        try
        {
            return OrderMappingResult.Success(site, MapOrders(message, site, kind.IsOmi, receivedAt, newGuid));
        }
        catch (Hl7Exception e)
        {
            return OrderMappingResult.Failure(e.Error, site);
        }
    }

    private static (bool IsOmi, Hl7Error? Error) MessageKindOf(Msh msh)
    {
        var type = msh.MessageType.Trim().ToUpperInvariant();
        var trigger = msh.TriggerEvent.Trim().ToUpperInvariant();
        var shown = trigger.Length > 0 ? $"{type}^{trigger}" : type;
        return (type, trigger) switch
        {
            // HL7 2.3 feeds sometimes send only "ORM": O01 is its only trigger.
            ("ORM", "O01" or "") => (false, null),
            ("OMI", "O23") => (true, null),
            ("ORM" or "OMI", _) => (false, new Hl7Error(
                Hl7ErrorCode.UnsupportedEventCode,
                msh.Segment.LocationOf(9, 2),
                $"MSH-9 trigger event '{shown}' is not handled here (ORM^O01, OMI^O23)")),
            ("ADT", _) => (false, new Hl7Error(
                Hl7ErrorCode.UnsupportedMessageType,
                msh.Segment.LocationOf(9),
                $"MSH-9 message type '{shown}': patient updates (ADT) are not handled by the order interface yet")),
            _ => (false, new Hl7Error(
                Hl7ErrorCode.UnsupportedMessageType,
                msh.Segment.LocationOf(9),
                $"MSH-9 message type '{shown}' is not handled here (ORM^O01, OMI^O23)")),
        };
    }

    private static List<IOrderCommand> MapOrders(Hl7Message message, SiteRules site, bool isOmi, DateTimeOffset receivedAt, Func<Guid> newGuid)
    {
        var msh = message.Msh;
        var controlId = msh.MessageControlId.Trim();
        if (controlId.Length == 0)
        {
            throw Error(Hl7ErrorCode.RequiredFieldMissing, msh.Segment.LocationOf(10), "MSH-10 (message control id) is empty: a resend could not be told from a new message");
        }

        var messageRef = new MessageRef(msh.SendingApplication.Trim(), msh.SendingFacility.Trim(), controlId, receivedAt);
        var reader = OrderMessageReader.Read(message);
        if (reader.Groups.Count == 0)
        {
            throw Error(Hl7ErrorCode.SegmentSequenceError, new Hl7Location("ORC", 1, 0), "the message has no ORC segment: there is no order in it");
        }

        var commands = new List<IOrderCommand>(reader.Groups.Count);
        var accessions = new Dictionary<string, Hl7Location>(StringComparer.Ordinal);
        PatientIdentity? patient = null;
        foreach (var group in reader.Groups)
        {
            var orc = group.Orc;
            var control = orc.OrderControl.Trim().ToUpperInvariant();
            var status = orc.OrderStatus.Trim().ToUpperInvariant();
            if (!OrderControlTable.TryResolve(control, status, out var action))
            {
                var what = OrderControlTable.IsKnownControl(control)
                    ? $"ORC-1 order control '{control}' does not go with ORC-5 order status '{status}'"
                    : $"ORC-1 order control '{control}' (ORC-5 '{status}') is not supported";
                throw Error(Hl7ErrorCode.TableValueNotFound, orc.Segment.LocationOf(1), $"{what}; supported ORC-1/ORC-5 pairs: {OrderControlTable.SupportedPairs}");
            }

            if (group.Obr is not { } obr)
            {
                throw Error(Hl7ErrorCode.SegmentSequenceError, orc.Segment.LocationOf(0), $"{orc.Segment.LocationOf(0)} has no OBR, so the order has no accession number (OBR-18)");
            }

            if (isOmi && action is OrderAction.Place or OrderAction.Change && group.Steps.Count == 0)
            {
                throw Error(Hl7ErrorCode.SegmentSequenceError, obr.Segment.LocationOf(0), $"{obr.Segment.LocationOf(0)} of an OMI^O23 has no IPC segment: an OMI order's procedure steps are its IPCs");
            }

            var (accession, accessionAt) = Accession(site, obr, isOmi ? group.Steps : []);
            if (accessions.TryGetValue(accession, out var firstAt))
            {
                throw Error(Hl7ErrorCode.DuplicateKeyIdentifier, accessionAt, $"accession {accession} at {accessionAt} is already the accession of the order at {firstAt}: one order group per accession");
            }

            accessions.Add(accession, accessionAt);
            var key = new OrderKey(site.SiteId, accession);
            var n = group.Number;
            commands.Add(action switch
            {
                OrderAction.Place or OrderAction.Change => DetailsCommand(
                    action,
                    key,
                    messageRef,
                    n,
                    Details(reader, group, obr, site, accession, status, action == OrderAction.Place, isOmi, newGuid, ref patient)),
                OrderAction.Cancel => new CancelOrder(key, messageRef, status) { OrderGroup = n },
                OrderAction.Discontinue => new DiscontinueOrder(key, messageRef, status) { OrderGroup = n },
                OrderAction.Hold => new HoldOrder(key, messageRef) { OrderGroup = n },
                OrderAction.Release => new ReleaseOrder(key, messageRef) { OrderGroup = n },
                _ => new ChangeOrderStatus(key, messageRef, status) { OrderGroup = n, OrderControl = control },
            });
        }

        return commands;
    }

    private static IOrderCommand DetailsCommand(OrderAction action, OrderKey key, MessageRef message, int group, OrderDetails details) =>
        action == OrderAction.Place
            ? new PlaceOrder(key, message, details) { OrderGroup = group }
            : new ChangeOrder(key, message, details) { OrderGroup = group };

    private static (string Accession, Hl7Location At) Accession(SiteRules site, Obr obr, IReadOnlyList<Ipc> steps)
    {
        var raw = obr.PlacerField1.Trim();
        var at = obr.Segment.LocationOf(18);
        if (raw.Length == 0 && steps.Count > 0)
        {
            raw = steps[0].AccessionIdentifier.Id.Trim();
            at = steps[0].Segment.LocationOf(1, 1);
        }

        if (raw.Length == 0)
        {
            throw Error(Hl7ErrorCode.RequiredFieldMissing, obr.Segment.LocationOf(18), $"{obr.Segment.LocationOf(18)} (accession number) is empty");
        }

        if (!site.Accession.TryNormalise(raw, out var accession, out var problem))
        {
            throw Error(Hl7ErrorCode.DataTypeError, at, $"{at}: {problem}");
        }

        // Every IPC must be a step of this accession: a mismatch is shown with both values.
        foreach (var ipc in steps)
        {
            var ipcRaw = ipc.AccessionIdentifier.Id.Trim();
            if (ipcRaw.Length == 0)
            {
                continue;
            }

            var ipcAt = ipc.Segment.LocationOf(1, 1);
            if (!site.Accession.TryNormalise(ipcRaw, out var ipcAccession, out var ipcProblem))
            {
                throw Error(Hl7ErrorCode.DataTypeError, ipcAt, $"{ipcAt}: {ipcProblem}");
            }

            if (!string.Equals(ipcAccession, accession, StringComparison.Ordinal))
            {
                throw Error(Hl7ErrorCode.DataTypeError, ipcAt, $"{ipcAt} accession '{ipcAccession}' differs from the order's accession '{accession}' ({at})");
            }
        }

        return (accession, at);
    }

    private static OrderDetails Details(
        OrderMessageReader reader,
        OrderGroup group,
        Obr obr,
        SiteRules site,
        string accession,
        string status,
        bool isNew,
        bool isOmi,
        Func<Guid> newGuid,
        ref PatientIdentity? patient)
    {
        if (reader.Pid is not { } pid)
        {
            throw Error(Hl7ErrorCode.SegmentSequenceError, new Hl7Location("PID", 1, 0), "the message has no PID segment: a new or changed order needs its patient");
        }

        patient ??= PatientMapper.Map(pid, site);
        var orc = group.Orc;
        var pv1 = reader.Pv1;
        var location = pv1?.AssignedLocation;
        var pointOfCare = location?.PointOfCare.Trim() ?? "";
        var (start, priority) = Timing(group, obr, site);
        var modality = Modality(obr, group.Steps);
        var (studyUid, origin) = StudyUid(reader, group, site, accession, isNew, isOmi, newGuid);

        var procedureCode = Coded(obr.UniversalServiceId);
        var procedureDescription = Text(obr.UniversalServiceId);
        var requestedProcedureId = obr.PlacerField2.Trim();
        if (requestedProcedureId.Length == 0 && group.Steps.Count > 0)
        {
            requestedProcedureId = group.Steps[0].RequestedProcedureId.Trim();
        }

        if (requestedProcedureId.Length == 0)
        {
            requestedProcedureId = accession;
        }

        var steps = isOmi
            ? OmiSteps(group, site, procedureDescription, procedureCode, modality, pointOfCare, start)
            : [OrmStep(obr, site, accession, procedureDescription, procedureCode, modality, pointOfCare, start)];

        var orderingProvider = orc.OrderingProvider.ToDicomPn();
        var referring = pv1?.ReferringDoctor.ToDicomPn() ?? "";
        var requesting = obr.OrderingProvider.ToDicomPn();
        return new OrderDetails(
            PlacerOrderNumber: FirstNonEmpty(orc.PlacerOrderNumber.Id, obr.PlacerOrderNumber.Id),
            FillerOrderNumber: FirstNonEmpty(orc.FillerOrderNumber.Id, obr.FillerOrderNumber.Id),
            Accession: accession,
            Patient: patient,
            ReferringPhysician: referring.Length > 0 ? referring : orderingProvider,
            RequestingPhysician: requesting.Length > 0 ? requesting : orderingProvider,
            AdmissionId: pv1?.VisitNumber.Trim() ?? "",
            PatientLocation: location is null ? "" : string.Join(' ', new[] { location.PointOfCare, location.Room, location.Bed, location.Facility }.Where(p => p.Length > 0)),
            RequestedProcedure: new RequestedProcedure(requestedProcedureId, procedureDescription, procedureCode),
            ReasonForRequest: obr.ReasonForStudy.Trim(),
            Comments: string.Join('\n', group.Notes.Select(n => n.Comment)),
            Priority: priority,
            StudyInstanceUid: studyUid,
            Modality: modality,
            ScheduledSteps: steps,
            OrderStatusCode: status,
            StudyInstanceUidOrigin: origin,
            Hl7CharacterSet: reader.CharacterSet);
    }

    private static (ScheduledTime Start, string Priority) Timing(OrderGroup group, Obr obr, SiteRules site)
    {
        var orc = group.Orc;
        var tq1 = group.Tq1;
        var (startText, startAt) = FirstPresent(
            (tq1?.StartDateTime, tq1?.Segment.LocationOf(7)),
            (orc.QuantityTimingStart, orc.Segment.LocationOf(7, 4)),
            (obr.QuantityTimingStart, obr.Segment.LocationOf(27, 4)),
            (obr.RequestedDateTime, obr.Segment.LocationOf(6)));
        if (startText.Length == 0)
        {
            throw Error(Hl7ErrorCode.RequiredFieldMissing, startAt, "no scheduled start: TQ1-7, ORC-7.4, OBR-27.4 and OBR-6 are all empty (SPS Start Date is required on the worklist)");
        }

        if (!Hl7Timestamp.TryParse(startText, out var ts))
        {
            throw Error(Hl7ErrorCode.DataTypeError, startAt, $"{startAt} '{startText}' is not a valid HL7 timestamp (YYYYMMDD[HHMM[SS]][+/-ZZZZ])");
        }

        if (ts.Precision < Hl7TimestampPrecision.Day)
        {
            throw Error(Hl7ErrorCode.DataTypeError, startAt, $"{startAt} '{startText}' has no day: a scheduled start needs at least a date");
        }

        var (priorityText, priorityAt) = FirstPresent(
            (tq1?.Priority, tq1?.Segment.LocationOf(9)),
            (orc.QuantityTimingPriority, orc.Segment.LocationOf(7, 6)),
            (obr.QuantityTimingPriority, obr.Segment.LocationOf(27, 6)));
        if (!PriorityTable.TryMap(priorityText, out var priority))
        {
            throw Error(Hl7ErrorCode.TableValueNotFound, priorityAt, $"{priorityAt} priority '{priorityText}' is not in HL7 table 0027 (S, A, P, R, C, T, TS, TM, TH, TD, TW, TL, PRN)");
        }

        return (SiteTime.ToScheduledTime(ts, site.TimeZone), priority);
    }

    // The first non-empty value with its location; none: "" at the first candidate that exists.
    private static (string Value, Hl7Location At) FirstPresent(params ReadOnlySpan<(string? Value, Hl7Location? At)> candidates)
    {
        Hl7Location? first = null;
        foreach (var (value, at) in candidates)
        {
            if (at is null)
            {
                continue;
            }

            first ??= at;
            var trimmed = value?.Trim() ?? "";
            if (trimmed.Length > 0)
            {
                return (trimmed, at.Value);
            }
        }

        return ("", first ?? default);
    }

    private static string Modality(Obr obr, IReadOnlyList<Ipc> steps)
    {
        var modality = obr.DiagnosticServiceSectionId.Trim().ToUpperInvariant();
        var at = obr.Segment.LocationOf(24);
        if (modality.Length == 0 && steps.Count > 0)
        {
            modality = steps[0].Modality.Trim().ToUpperInvariant();
            at = steps[0].Segment.LocationOf(5);
        }

        if (modality.Length == 0)
        {
            throw Error(Hl7ErrorCode.RequiredFieldMissing, obr.Segment.LocationOf(24), $"{obr.Segment.LocationOf(24)} (diagnostic service section: the modality) is empty");
        }

        return CheckModality(modality, at);
    }

    // DICOM CS: at most 16 of A-Z, 0-9, space and underscore.
    private static string CheckModality(string modality, Hl7Location at)
    {
        if (modality.Length > 16 || modality.Any(c => !(char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c is ' ' or '_')))
        {
            throw Error(Hl7ErrorCode.DataTypeError, at, $"{at} modality '{modality}' is not a DICOM modality code (CS: up to 16 of A-Z, 0-9, space, _)");
        }

        return modality;
    }

    private static (string Uid, StudyUidOrigin Origin) StudyUid(
        OrderMessageReader reader, OrderGroup group, SiteRules site, string accession, bool isNew, bool isOmi, Func<Guid> newGuid)
    {
        string uid = "";
        Hl7Location at;
        if (isOmi)
        {
            at = group.Steps.Count > 0 ? group.Steps[0].Segment.LocationOf(3) : new Hl7Location("IPC", 1, 3);
            foreach (var ipc in group.Steps)
            {
                var value = ipc.StudyInstanceUid.Trim();
                if (value.Length == 0)
                {
                    continue;
                }

                if (uid.Length == 0)
                {
                    uid = value;
                    at = ipc.Segment.LocationOf(3);
                }
                else if (!string.Equals(uid, value, StringComparison.Ordinal))
                {
                    var here = ipc.Segment.LocationOf(3);
                    throw Error(Hl7ErrorCode.DataTypeError, here, $"{here} Study Instance UID '{value}' differs from {at} '{uid}': the steps of one order are one study");
                }
            }
        }
        else
        {
            at = new Hl7Location("ZDS", 1, 1);
        }

        if (uid.Length == 0 && (group.Zds ?? reader.HeaderZds) is { } zds)
        {
            uid = zds.StudyInstanceUid.Trim();
            at = zds.Segment.LocationOf(1);
        }

        if (uid.Length > 0)
        {
            if (!DicomUids.IsValid(uid))
            {
                throw Error(Hl7ErrorCode.DataTypeError, at, $"{at} '{uid}' is not a valid DICOM UID (digits and dots, no leading zeros, at most 64 characters)");
            }

            return (uid, StudyUidOrigin.Message);
        }

        if (!isNew)
        {
            return ("", StudyUidOrigin.Absent);
        }

        var made = site.MakeStudyUid(accession, newGuid);
        if (made is null)
        {
            throw Error(Hl7ErrorCode.RequiredFieldMissing, at, $"no Study Instance UID ({at}) and site {site.SiteId}'s study-uid-policy is reject");
        }

        return (made, site.StudyUidPolicy == StudyUidPolicy.Generate ? StudyUidOrigin.Generated : StudyUidOrigin.Derived);
    }

    private static ScheduledStep OrmStep(
        Obr obr, SiteRules site, string accession, string description, CodedEntry? protocol, string modality, string pointOfCare, ScheduledTime start)
    {
        var stepId = obr.FillerField1.Trim();
        var ae = site.AssignStation(modality, pointOfCare);
        var station = site.Station(ae);
        return new ScheduledStep(
            StepId: stepId.Length > 0 ? stepId : accession,
            Description: description,
            ProtocolCode: protocol,
            Modality: modality,
            StationAeTitle: ae,
            StationName: station?.StationName ?? "",
            Location: station?.Location ?? "",
            Start: start,
            Status: SpsStatus.Scheduled);
    }

    private static List<ScheduledStep> OmiSteps(
        OrderGroup group, SiteRules site, string description, CodedEntry? protocol, string modality, string pointOfCare, ScheduledTime start)
    {
        var steps = new List<ScheduledStep>(group.Steps.Count);
        var ids = new Dictionary<string, Hl7Location>(StringComparer.Ordinal);
        foreach (var ipc in group.Steps)
        {
            var segment = ipc.Segment;
            var stepId = ipc.ScheduledProcedureStepId.Trim();
            if (stepId.Length == 0)
            {
                throw Error(Hl7ErrorCode.RequiredFieldMissing, segment.LocationOf(4), $"{segment.LocationOf(4)} (scheduled procedure step id) is empty");
            }

            if (!ids.TryAdd(stepId, segment.LocationOf(4)))
            {
                throw Error(Hl7ErrorCode.DuplicateKeyIdentifier, segment.LocationOf(4), $"{segment.LocationOf(4)} step id '{stepId}' is also at {ids[stepId]}");
            }

            var stepModality = ipc.Modality.Trim().ToUpperInvariant();
            stepModality = stepModality.Length > 0 ? CheckModality(stepModality, segment.LocationOf(5)) : modality;
            var ae = ipc.ScheduledStationAeTitle.Trim();
            if (ae.Length == 0)
            {
                ae = site.AssignStation(stepModality, pointOfCare);
            }

            var station = site.Station(ae);
            var stepProtocol = Coded(ipc.ProtocolCode) ?? protocol;
            var stepDescription = Text(ipc.ProtocolCode);
            steps.Add(new ScheduledStep(
                StepId: stepId,
                Description: stepDescription.Length > 0 ? stepDescription : description,
                ProtocolCode: stepProtocol,
                Modality: stepModality,
                StationAeTitle: ae,
                StationName: FirstNonEmpty(ipc.ScheduledStationName, station?.StationName ?? ""),
                Location: FirstNonEmpty(ipc.ScheduledProcedureStepLocation, station?.Location ?? ""),
                Start: start,
                Status: SpsStatus.Scheduled));
        }

        return steps;
    }

    // CE -> Code Sequence item; the alternate triplet when the primary code is empty.
    private static CodedEntry? Coded(Hl7Ce ce)
    {
        if (ce.Code.Trim().Length > 0)
        {
            return new CodedEntry(ce.Code.Trim(), ce.CodingSystem.Trim(), Text(ce));
        }

        return ce.AlternateCode.Trim().Length > 0
            ? new CodedEntry(ce.AlternateCode.Trim(), ce.AlternateCodingSystem.Trim(), FirstNonEmpty(ce.AlternateText, ce.Text))
            : null;
    }

    private static string Text(Hl7Ce ce) => FirstNonEmpty(ce.Text, ce.AlternateText);

    private static string FirstNonEmpty(string a, string b)
    {
        var first = a.Trim();
        return first.Length > 0 ? first : b.Trim();
    }

    private static Hl7Exception Error(Hl7ErrorCode code, Hl7Location location, string text) => new(new Hl7Error(code, location, text));
}
