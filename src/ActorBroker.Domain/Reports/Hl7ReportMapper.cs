using ActorBroker.Domain.Mapping;
using ActorBroker.Domain.Orders;
using ActorBroker.Domain.Sites;
using ActorBroker.Hl7;

namespace ActorBroker.Domain.Reports;

/// <summary>
/// ORU^R01 (HL7 2.3 to 2.5.1, from dictation or a PACS reporting module) -> one
/// <see cref="InboundReport"/> per OBR group, with the site's rules. As for orders, the whole
/// message maps or none of it does: the first problem comes back as an HL7 error with its exact
/// location, in this order: MSH-9, MSH-4 (site), MSH-10, segment order, then per OBR: accession,
/// Study Instance UID, match criteria, result status, report text, observation time.
///
/// Field precedence:
/// <list type="bullet">
/// <item>Accession: OBR-18, normalised by the site's accession rules (as <see cref="Hl7OrderMapper"/>
/// takes it; never ORC-3/OBR-3, which is the filler number). Absent, the report can still match by
/// placer ORC-2 (else OBR-2), filler ORC-3 (else OBR-3) or Study Instance UID; with none of the four
/// it is refused.</item>
/// <item>Study Instance UID: an OBX whose identifier is 113014 "DICOM Study" (DCM, RAD-128),
/// 110180, "Study Instance UID" (RAD-28, dcm4chee) or STUDY_UID, value OBX-5.1; else ZDS-1.</item>
/// <item>Result status: OBR-25, else the first OBX-11 of the group; P, F, C (anything else is refused
/// with the field named, see <see cref="ReportResultStatus"/>).</item>
/// <item>Text: OBX of value type TX, FT or ST (or none given) in order, formatting resolved by
/// <see cref="ReportText"/>, one line per repetition; CE/CWE "Concept: text" and NM
/// "Concept: value unit" with the concept from OBX-3.2. OBX marked D (deleted) or W (wrong) in
/// OBX-11 and the DICOM reference OBXs (study, series, SR instance, SOP class UIDs) are not text.
/// A group without text is refused.</item>
/// <item>Interpreter: OBR-32 (CN/NDL name in subcomponents, or XCN-style components as some
/// dictation systems send it), else OBX-16 of the first text OBX; as DICOM PN.</item>
/// <item>Observed at: OBR-7, else the first OBX-14; an offset makes it an instant, without one it is
/// the site's wall clock.</item>
/// </list>
/// ReportId is MSH-10 and Source "ORU".
/// </summary>
// HL7 2.5.1 7.3.1 (ORU^R01), 4.5.3 (OBR), 7.4.2 (OBX); IHE RAD TF-2 4.28 (RAD-28), 4.128 (RAD-128); DICOM PS3.16 (DCM 113014)
public static class Hl7ReportMapper
{
    public const string Source = "ORU";

    private static readonly HashSet<string> StudyUidIdentifiers = new(StringComparer.Ordinal)
    {
        "113014", "110180", "DICOMSTUDY", "STUDYINSTANCEUID", "STUDYUID",
    };

    private static readonly HashSet<string> ReferenceIdentifiers = new(StringComparer.Ordinal)
    {
        "SRINSTANCEUID", "SOPINSTANCEUID", "SOPCLASSUID", "SERIESINSTANCEUID", "112002",
    };

    public static ReportMappingResult Map(Hl7Message message, SiteDirectory sites, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(sites);

        var msh = message.Msh;
        if (MessageTypeError(msh) is { } typeError)
        {
            return ReportMappingResult.Failure(typeError);
        }

        var facility = msh.SendingFacility.Trim();
        var site = sites.ResolveByFacility(facility);
        if (site is null)
        {
            var known = string.Join(", ", sites.Sites.SelectMany(s => s.SendingFacilities));
            return ReportMappingResult.Failure(new Hl7Error(
                Hl7ErrorCode.TableValueNotFound,
                msh.Segment.LocationOf(4),
                $"MSH-4 sending facility '{facility}' is not configured for any site (configured: {known})"));
        }

        try
        {
            return ReportMappingResult.Success(site, MapReports(message, site, receivedAt));
        }
        catch (Hl7Exception e)
        {
            return ReportMappingResult.Failure(e.Error, site);
        }
    }

    private static Hl7Error? MessageTypeError(Msh msh)
    {
        var type = msh.MessageType.Trim().ToUpperInvariant();
        var trigger = msh.TriggerEvent.Trim().ToUpperInvariant();
        var shown = trigger.Length > 0 ? $"{type}^{trigger}" : type;
        return (type, trigger) switch
        {
            // HL7 2.3 feeds sometimes send only "ORU": R01 is its unsolicited result.
            ("ORU", "R01" or "") => null,
            ("ORU", _) => new Hl7Error(
                Hl7ErrorCode.UnsupportedEventCode,
                msh.Segment.LocationOf(9, 2),
                $"MSH-9 trigger event '{shown}' is not handled by the report interface (ORU^R01)"),
            _ => new Hl7Error(
                Hl7ErrorCode.UnsupportedMessageType,
                msh.Segment.LocationOf(9),
                $"MSH-9 message type '{shown}' is not handled by the report interface (ORU^R01)"),
        };
    }

    private static List<InboundReport> MapReports(Hl7Message message, SiteRules site, DateTimeOffset receivedAt)
    {
        var msh = message.Msh;
        var controlId = msh.MessageControlId.Trim();
        if (controlId.Length == 0)
        {
            throw Error(Hl7ErrorCode.RequiredFieldMissing, msh.Segment.LocationOf(10), "MSH-10 (message control id) is empty: a resend could not be told from a new report");
        }

        var messageRef = new MessageRef(msh.SendingApplication.Trim(), msh.SendingFacility.Trim(), controlId, receivedAt);
        var reader = ReportMessageReader.Read(message);
        if (reader.Groups.Count == 0)
        {
            throw Error(Hl7ErrorCode.SegmentSequenceError, new Hl7Location("OBR", 1, 0), "the message has no OBR segment: there is no report in it");
        }

        var reports = new List<InboundReport>(reader.Groups.Count);
        var accessions = new Dictionary<string, Hl7Location>(StringComparer.Ordinal);
        foreach (var group in reader.Groups)
        {
            var obr = group.Obr;
            var (accession, accessionAsSent) = Accession(site, obr);
            if (accession is not null)
            {
                var at = obr.Segment.LocationOf(18);
                if (accessions.TryGetValue(accession, out var firstAt))
                {
                    throw Error(Hl7ErrorCode.DuplicateKeyIdentifier, at, $"accession {accession} at {at} is already the accession of the report at {firstAt}: one report per order in a message");
                }

                accessions.Add(accession, at);
            }

            var placer = FirstNonEmpty(group.Orc?.PlacerOrderNumber.Id ?? "", obr.PlacerOrderNumber.Id);
            var filler = FirstNonEmpty(group.Orc?.FillerOrderNumber.Id ?? "", obr.FillerOrderNumber.Id);
            var studyUid = StudyUid(group, reader.HeaderZds);
            if (accession is null && placer.Length == 0 && filler.Length == 0 && studyUid.Length == 0)
            {
                var at = obr.Segment.LocationOf(18);
                throw Error(
                    Hl7ErrorCode.RequiredFieldMissing,
                    at,
                    $"{at} (accession number) is empty and there is no placer (ORC-2/OBR-2) or filler (ORC-3/OBR-3) order number or Study Instance UID (OBX 113014, ZDS-1): the report cannot be matched to an order");
            }

            var status = ResultStatus(group);
            var text = Text(group);
            var content = new ReportContent(
                ResultStatus: status,
                Lines: text,
                Interpreter: Interpreter(group),
                ObservedAt: ObservedAt(group, site),
                Source: Source,
                ReportId: controlId);
            var match = new ReportMatch(
                accession is null ? null : new OrderKey(site.SiteId, accession),
                placer,
                filler,
                studyUid,
                site.SiteId)
            {
                AccessionAsSent = accessionAsSent,
            };
            reports.Add(new InboundReport(match, messageRef, content) { OrderGroup = group.Number });
        }

        return reports;
    }

    private static (string? Accession, string AsSent) Accession(SiteRules site, Obr obr)
    {
        var raw = obr.PlacerField1.Trim();
        if (raw.Length == 0)
        {
            return (null, "");
        }

        if (!site.Accession.TryNormalise(raw, out var accession, out var problem))
        {
            var at = obr.Segment.LocationOf(18);
            throw Error(Hl7ErrorCode.DataTypeError, at, $"{at}: {problem}");
        }

        return (accession, raw);
    }

    private static string StudyUid(ReportGroup group, Zds? headerZds)
    {
        var uid = "";
        Hl7Location at = default;
        foreach (var obx in group.Observations)
        {
            if (IsStudyUid(obx.ObservationIdentifier))
            {
                uid = obx.Segment.Get(5).Trim();
                at = obx.Segment.LocationOf(5);
                if (uid.Length > 0)
                {
                    break;
                }
            }
        }

        if (uid.Length == 0 && (group.Zds ?? headerZds) is { } zds)
        {
            uid = zds.StudyInstanceUid.Trim();
            at = zds.Segment.LocationOf(1);
        }

        if (uid.Length > 0 && !DicomUids.IsValid(uid))
        {
            throw Error(Hl7ErrorCode.DataTypeError, at, $"{at} '{uid}' is not a valid DICOM UID (digits and dots, no leading zeros, at most 64 characters)");
        }

        return uid;
    }

    private static string ResultStatus(ReportGroup group)
    {
        var obr = group.Obr;
        var status = obr.ResultStatus.Trim().ToUpperInvariant();
        var at = obr.Segment.LocationOf(25);
        if (status.Length == 0)
        {
            foreach (var obx in group.Observations)
            {
                var value = obx.ResultStatus.Trim().ToUpperInvariant();
                if (value.Length > 0)
                {
                    status = value;
                    at = obx.Segment.LocationOf(11);
                    break;
                }
            }
        }

        if (status.Length == 0)
        {
            throw Error(Hl7ErrorCode.RequiredFieldMissing, obr.Segment.LocationOf(25), $"{obr.Segment.LocationOf(25)} (result status) is empty and no OBX-11 gives one: a report is P (preliminary), F (final) or C (corrected)");
        }

        if (!ReportResultStatus.IsSupported(status))
        {
            throw Error(Hl7ErrorCode.TableValueNotFound, at, $"{at} result status '{status}' is not a report status the broker takes: P (preliminary), F (final) or C (corrected)");
        }

        return status;
    }

    private static List<string> Text(ReportGroup group)
    {
        var message = group.Obr.Segment.Message;
        var lines = new List<string>();
        foreach (var obx in group.Observations)
        {
            if (!IsText(obx))
            {
                continue;
            }

            var segment = obx.Segment;
            var concept = ConceptOf(obx.ObservationIdentifier);
            var repetitions = segment.RepetitionCount(5);
            switch (obx.ValueType.Trim().ToUpperInvariant())
            {
                case "TX" or "FT" or "ST" or "":
                    for (var r = 1; r <= repetitions; r++)
                    {
                        lines.AddRange(ReportText.Lines(segment.GetField(5, r), message.Delimiters, message.TextEncoding));
                    }

                    break;
                case "CE" or "CWE" or "CNE":
                    for (var r = 1; r <= repetitions; r++)
                    {
                        var value = FirstNonEmpty(segment.Get(5, 2, 1, r), segment.Get(5, 1, 1, r));
                        if (value.Length > 0)
                        {
                            lines.Add(Labelled(concept, value));
                        }
                    }

                    break;
                case "NM":
                    var number = segment.Get(5).Trim();
                    if (number.Length > 0)
                    {
                        var unit = FirstNonEmpty(segment.Get(6, 2), segment.Get(6, 1));
                        lines.Add(Labelled(concept, unit.Length > 0 ? $"{number} {unit}" : number));
                    }

                    break;
            }
        }

        var text = ReportText.Trim(lines);
        if (text.Count == 0)
        {
            var at = group.Obr.Segment.LocationOf(0);
            throw Error(Hl7ErrorCode.SegmentSequenceError, at, $"{at} has no report text: no OBX of value type TX, FT, ST, CE or NM with a value follows it");
        }

        return text;
    }

    private static bool IsText(Obx obx)
    {
        var status = obx.ResultStatus.Trim().ToUpperInvariant();
        if (status is "D" or "W")
        {
            return false;
        }

        var id = obx.ObservationIdentifier;
        return !IsStudyUid(id) && !ReferenceIdentifiers.Contains(Normalised(id.Code)) && !ReferenceIdentifiers.Contains(Normalised(id.Text));
    }

    private static bool IsStudyUid(Hl7Ce id) =>
        StudyUidIdentifiers.Contains(Normalised(id.Code)) || StudyUidIdentifiers.Contains(Normalised(id.Text));

    // "Study Instance UID", "STUDY_UID", "DICOM Study" -> "STUDYINSTANCEUID", "STUDYUID", "DICOMSTUDY".
    private static string Normalised(string value) =>
        string.Concat(value.Where(c => c is not (' ' or '_' or '-'))).ToUpperInvariant();

    private static string ConceptOf(Hl7Ce id) => FirstNonEmpty(id.Text, id.AlternateText);

    private static string Labelled(string concept, string value) => concept.Length > 0 ? $"{concept}: {value}" : value;

    private static string Interpreter(ReportGroup group)
    {
        var segment = group.Obr.Segment;
        if (segment.IsPresent(32))
        {
            // NDL (2.5) / CM (2.3): component 1 is a CNN/CN, its parts in subcomponents: id&family&given&middle&suffix&prefix.
            var family = segment.Get(32, 1, 2);
            var given = segment.Get(32, 1, 3);
            if (family.Trim().Length > 0 || given.Trim().Length > 0)
            {
                return Name(segment.Get(32, 1, 1), family, given, segment.Get(32, 1, 4), segment.Get(32, 1, 5), segment.Get(32, 1, 6));
            }

            // Sent as an XCN (id^family^given...), which many dictation systems do. NDL-2 is a timestamp.
            var second = segment.Get(32, 2);
            if (second.Length > 0 && !Hl7Timestamp.TryParse(second, out _))
            {
                return Name(segment.Get(32, 1), second, segment.Get(32, 3), segment.Get(32, 4), segment.Get(32, 5), segment.Get(32, 6));
            }

            return segment.Get(32, 1, 1).Trim();
        }

        foreach (var obx in group.Observations)
        {
            var s = obx.Segment;
            if (IsText(obx) && s.IsPresent(16))
            {
                return Name(s.Get(16, 1), s.Get(16, 2), s.Get(16, 3), s.Get(16, 4), s.Get(16, 5), s.Get(16, 6));
            }
        }

        return "";
    }

    // Family and given as DICOM PN; only an id when no name was sent.
    private static string Name(string id, string family, string given, string middle, string suffix, string prefix)
    {
        var pn = new Hl7Xcn(id.Trim(), family.Trim(), given.Trim(), middle.Trim(), suffix.Trim(), prefix.Trim()).ToDicomPn();
        return pn.Length > 0 ? pn : id.Trim();
    }

    private static DateTimeOffset? ObservedAt(ReportGroup group, SiteRules site)
    {
        var obr = group.Obr;
        var text = obr.ObservationDateTime.Trim();
        var at = obr.Segment.LocationOf(7);
        if (text.Length == 0)
        {
            foreach (var obx in group.Observations)
            {
                var value = obx.Segment.Get(14).Trim();
                if (value.Length > 0)
                {
                    text = value;
                    at = obx.Segment.LocationOf(14);
                    break;
                }
            }
        }

        if (text.Length == 0)
        {
            return null;
        }

        if (!Hl7Timestamp.TryParse(text, out var ts) || ts.Precision < Hl7TimestampPrecision.Day)
        {
            throw Error(Hl7ErrorCode.DataTypeError, at, $"{at} '{text}' is not a valid HL7 timestamp with at least a date (YYYYMMDD[HHMM[SS]][+/-ZZZZ])");
        }

        return SiteTime.ToScheduledTime(ts, site.TimeZone).Instant;
    }

    private static string FirstNonEmpty(string a, string b)
    {
        var first = a.Trim();
        return first.Length > 0 ? first : b.Trim();
    }

    private static Hl7Exception Error(Hl7ErrorCode code, Hl7Location location, string text) => new(new Hl7Error(code, location, text));
}
