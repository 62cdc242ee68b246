using System.Text;
using ActorBroker.Domain.Orders;
using ActorBroker.Domain.Reports;
using ActorBroker.Hl7;

namespace ActorBroker.Domain.Outbound;

/// <summary>
/// Renders an <see cref="OutboundNotice"/> as the HL7 bytes one destination wants. Pure: the same
/// notice, format, control id and time give the same bytes, so a replayed outbox resends what it
/// sent. The fields mirror what the order mapper reads on the way in (<see cref="Mapping.Hl7OrderMapper"/>):
/// ORC-2/OBR-2 placer, ORC-3/OBR-3 filler, OBR-4 procedure code, OBR-18 accession, OBR-19
/// requested procedure id, OBR-24 modality; for OMI also IPC-1 accession, IPC-2 requested
/// procedure id, IPC-3 Study Instance UID, IPC-5 modality (IPC-4, the SPS id, stays empty: a notice
/// is per order, not per step).
/// <list type="bullet">
/// <item>Status: ORM^O01 (MSH, PID, [PV1], ORC, OBR) or OMI^O23 (MSH, PID, [PV1], ORC, OBR, IPC)
/// with ORC-1 SC, ORC-5 the notice's status, ORC-9 and OBR-22 when it happened.</item>
/// <item>Result: ORU^R01 (MSH, PID, [PV1], [ORC RE], OBR, OBX...) with OBR-25 and every OBX-11 the
/// report's P/F/C, OBR-7/OBX-14 the observation time, OBR-32 the interpreter, the text as one OBX
/// TX per line (or one FT with \.br\ between lines), then the viewer link OBX when the destination
/// has a template.</item>
/// </list>
/// Character set: MSH-18 is the notice's (the order's own), else the destination's default, and
/// the bytes are encoded with it (Latin-1 text gets Latin-1 bytes). An MSH-18 the HL7 library
/// cannot encode falls back to "UNICODE UTF-8", so the message always describes its bytes. A
/// character the set lacks (Ł in 8859/1) is written as the encoder's closest letter (L).
/// Names: the notice's DICOM PN (family^given^middle^prefix^suffix, first component group) becomes
/// XPN family^given^middle^suffix^prefix.
/// </summary>
// HL7 2.5.1 2.15.9 MSH, 3.4.2 PID, 4.4.1 ORM^O01, 4.4.6 OMI^O23, 4.5.1 ORC, 4.5.3 OBR, 4.5.6 IPC,
// 7.3.1 ORU^R01, 7.4.2 OBX; tables 0119 (SC), 0038 (ORC-5), 0123 (OBR-25), 0085 (OBX-11); DICOM PS3.5 6.2 PN
public static class Hl7OutboundRenderer
{
    /// <summary>
    /// The message bytes (unframed). Throws <see cref="ArgumentException"/> for an unknown kind, a
    /// result without a report, an empty control id, or a format with <see cref="DestinationFormat.Problems"/>.
    /// </summary>
    public static byte[] Render(OutboundNotice notice, DestinationFormat format, string messageControlId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(notice);
        ArgumentNullException.ThrowIfNull(format);
        ArgumentException.ThrowIfNullOrWhiteSpace(messageControlId);
        var problems = format.Problems();
        if (problems.Count > 0)
        {
            throw new ArgumentException($"destination format: {string.Join("; ", problems)}", nameof(format));
        }

        var (characterSet, encoding) = CharacterSet(notice, format);
        var builder = new Hl7MessageBuilder(Hl7Delimiters.Default, encoding);
        switch (notice.Kind)
        {
            case OutboundNotice.StatusKind:
                var omi = format.StatusMessageType == DestinationFormat.OmiO23;
                Msh(builder, format, omi ? "OMI" : "ORM", omi ? "O23" : "O01", messageControlId, now, characterSet);
                Pid(builder, notice.Patient, format);
                StatusOrder(builder, notice, format, omi);
                break;

            case OutboundNotice.ResultKind:
                var report = notice.Report ?? throw new ArgumentException($"a {OutboundNotice.ResultKind} notice for {notice.Order} carries no report", nameof(notice));
                Msh(builder, format, "ORU", "R01", messageControlId, now, characterSet);
                Pid(builder, notice.Patient, format);
                Result(builder, notice, report, format);
                break;

            default:
                throw new ArgumentException($"outbound notice kind '{notice.Kind}' is neither '{OutboundNotice.StatusKind}' nor '{OutboundNotice.ResultKind}'", nameof(notice));
        }

        return builder.ToBytes();
    }

    /// <summary>XPN components (family, given, middle, suffix, prefix) of a DICOM PN (its first, alphabetic, component group).</summary>
    // DICOM PS3.5 6.2.1 (PN component groups separated by '='); HL7 2.5.1 2A.88 XPN
    public static string[] XpnFromDicomPn(string personName)
    {
        ArgumentNullException.ThrowIfNull(personName);
        var alphabetic = personName.Split('=')[0];
        var parts = alphabetic.Split('^');
        string Part(int i) => i < parts.Length ? parts[i].Trim() : "";
        return [Part(0), Part(1), Part(2), Part(4), Part(3)];
    }

    /// <summary>Table 0123 result status for a status message's OBR-25, from ORC-5 (table 0038); "" when none fits.</summary>
    // HL7 2.5.1 table 0123: S scheduled, I no results yet (exam under way or done, report pending), X cancelled, A some results
    public static string ResultStatusForOrderStatus(string orderStatus) => orderStatus.Trim().ToUpperInvariant() switch
    {
        OrderStatusCodes.Scheduled => "S",
        OrderStatusCodes.InProcess or OrderStatusCodes.Completed => "I",
        OrderStatusCodes.Discontinued or OrderStatusCodes.Cancelled => "X",
        OrderStatusCodes.SomeResultsAvailable => "A",
        _ => "",
    };

    private static (string? CharacterSet, Encoding Encoding) CharacterSet(OutboundNotice notice, DestinationFormat format)
    {
        var name = notice.Hl7CharacterSet.Trim();
        if (name.Length == 0)
        {
            name = format.DefaultCharacterSet.Trim();
        }

        if (name.Length == 0)
        {
            return (null, Hl7Charsets.Utf8);
        }

        return Hl7Charsets.TryResolve(name, out var encoding) ? (name, encoding) : ("UNICODE UTF-8", Hl7Charsets.Utf8);
    }

    private static void Msh(Hl7MessageBuilder b, DestinationFormat format, string type, string trigger, string controlId, DateTimeOffset now, string? characterSet)
    {
        b.Segment("MSH")
            .Field(3, format.SendingApplication)
            .Field(4, format.SendingFacility)
            .Field(5, format.ReceivingApplication)
            .Field(6, format.ReceivingFacility)
            .Field(7, Timestamp(now))
            .Component(9, 1, type)
            .Component(9, 2, trigger);
        if (HasMessageStructure(format.Version))
        {
            b.Component(9, 3, $"{type}_{trigger}");
        }

        b.Field(10, controlId)
            .Field(11, format.ProcessingId)
            .Field(12, format.Version);
        OptionalField(b, 15, format.AcceptAckType);
        OptionalField(b, 16, format.ApplicationAckType);
        OptionalField(b, 18, characterSet);
    }

    private static void Pid(Hl7MessageBuilder b, PatientIdentity patient, DestinationFormat format)
    {
        b.Segment("PID").Field(1, "1");
        Components(b, 3, patient.PatientId, "", "", patient.IssuerOfPatientId, format.PatientIdTypeCode);
        Components(b, 5, XpnFromDicomPn(patient.PatientName));
        OptionalField(b, 7, patient.BirthDate);
        OptionalField(b, 8, patient.Sex);
    }

    private static void Pv1(Hl7MessageBuilder b, DestinationFormat format)
    {
        if (format.IncludePv1)
        {
            b.Segment("PV1").Field(1, "1").Field(2, "U");
        }
    }

    private static void StatusOrder(Hl7MessageBuilder b, OutboundNotice notice, DestinationFormat format, bool omi)
    {
        Pv1(b, format);
        Orc(b, notice, format, "SC");
        Obr(b, notice, format);
        b.Field(22, Timestamp(notice.OccurredAt));
        OptionalField(b, 24, notice.Modality);
        if (format.StatusResultStatus)
        {
            OptionalField(b, 25, ResultStatusForOrderStatus(notice.OrderStatus));
        }

        if (omi)
        {
            b.Segment("IPC")
                .Field(1, notice.Accession)
                .Field(2, notice.RequestedProcedure.Id)
                .Field(3, notice.StudyInstanceUid);
            OptionalField(b, 5, notice.Modality);
        }
    }

    private static void Result(Hl7MessageBuilder b, OutboundNotice notice, ReportContent report, DestinationFormat format)
    {
        Pv1(b, format);
        if (format.IncludeResultOrc)
        {
            Orc(b, notice, format, "RE");
        }

        var status = report.ResultStatus.Trim();
        var observedAt = report.ObservedAt is { } observed ? Timestamp(observed) : "";
        Obr(b, notice, format, observedAt);
        b.Field(22, Timestamp(notice.OccurredAt));
        OptionalField(b, 24, notice.Modality);
        OptionalField(b, 25, status);
        if (report.Interpreter.Trim().Length > 0)
        {
            b.RawField(32, Interpreter(report.Interpreter, b.Delimiters));
        }

        var observation = format.ReportObservationId ?? ProcedureCode(notice.RequestedProcedure);
        var setId = 0;
        if (format.ReportTextValueType == "FT")
        {
            if (report.Lines.Count > 0)
            {
                Obx(b, ++setId, "FT", observation, "1", string.Join('\n', report.Lines), status, observedAt);
            }
        }
        else
        {
            for (var i = 0; i < report.Lines.Count; i++)
            {
                Obx(b, ++setId, "TX", observation, (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), report.Lines[i], status, observedAt);
            }
        }

        if (format.ViewerUrlTemplate.Length > 0)
        {
            var url = ViewerLink.Expand(format.ViewerUrlTemplate, notice);
            b.Segment("OBX").Field(1, (++setId).ToString(System.Globalization.CultureInfo.InvariantCulture)).Field(2, format.ImageLinkValueType);
            Coded(b, 3, format.ImageLinkObservationId);
            if (format.ImageLinkValueType == "RP")
            {
                // RP: pointer ^ application id ^ type of data ^ subtype; the writer escapes the URL's & ^ ~ \.
                Components(b, 5, url, format.ImageLinkApplicationId, format.ImageLinkDataType, format.ImageLinkSubtype);
            }
            else
            {
                b.Field(5, url);
            }

            OptionalField(b, 11, status);
        }
    }

    private static void Orc(Hl7MessageBuilder b, OutboundNotice notice, DestinationFormat format, string control)
    {
        b.Segment("ORC").Field(1, control);
        Components(b, 2, notice.PlacerOrderNumber, format.PlacerNamespace);
        Components(b, 3, notice.FillerOrderNumber, format.FillerNamespace);
        OptionalField(b, 5, notice.OrderStatus);
        b.Field(9, Timestamp(notice.OccurredAt));
    }

    // OBR-1..19 (and OBR-7 for results); the caller continues at OBR-22.
    private static void Obr(Hl7MessageBuilder b, OutboundNotice notice, DestinationFormat format, string observedAt = "")
    {
        b.Segment("OBR").Field(1, "1");
        Components(b, 2, notice.PlacerOrderNumber, format.PlacerNamespace);
        Components(b, 3, notice.FillerOrderNumber, format.FillerNamespace);
        Coded(b, 4, ProcedureCode(notice.RequestedProcedure));
        OptionalField(b, 7, observedAt);
        b.Field(18, notice.Accession).Field(19, notice.RequestedProcedure.Id);
    }

    private static void Obx(Hl7MessageBuilder b, int setId, string valueType, CodedEntry observation, string subId, string value, string status, string observedAt)
    {
        b.Segment("OBX").Field(1, setId.ToString(System.Globalization.CultureInfo.InvariantCulture)).Field(2, valueType);
        Coded(b, 3, observation);
        b.Field(4, subId).Field(5, value);
        OptionalField(b, 11, status);
        OptionalField(b, 14, observedAt);
    }

    // The requested procedure as CE code^text^system; text alone when it has no code.
    private static CodedEntry ProcedureCode(RequestedProcedure procedure) =>
        procedure.Code is { } code
            ? code with { Meaning = code.Meaning.Length > 0 ? code.Meaning : procedure.Description }
            : new CodedEntry("", "", procedure.Description);

    private static void Coded(Hl7MessageBuilder b, int field, CodedEntry code) =>
        Components(b, field, code.Value, code.Meaning, code.Scheme);

    // OBR-32 NDL: its first component is a CNN, written as subcomponents id & family & given & middle & suffix & prefix.
    private static string Interpreter(string personName, Hl7Delimiters d)
    {
        var xpn = XpnFromDicomPn(personName);
        var parts = new[] { "", xpn[0], xpn[1], xpn[2], xpn[3], xpn[4] };
        var last = parts.Length - 1;
        while (last > 0 && parts[last].Length == 0)
        {
            last--;
        }

        return string.Join(d.Subcomponent, parts.Take(last + 1).Select(p => Hl7Escaping.Escape(p, d)));
    }

    // Writes components 1..n, leaving out trailing empty ones (no dangling separators); nothing for all empty.
    private static void Components(Hl7MessageBuilder b, int field, params string[] values)
    {
        var last = values.Length - 1;
        while (last >= 0 && values[last].Length == 0)
        {
            last--;
        }

        for (var i = 0; i <= last; i++)
        {
            if (values[i].Length > 0 || i == 0)
            {
                b.Component(field, i + 1, values[i]);
            }
        }
    }

    private static void OptionalField(Hl7MessageBuilder b, int field, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            b.Field(field, value);
        }
    }

    private static bool HasMessageStructure(string version) =>
        !(version.StartsWith("2.1", StringComparison.Ordinal)
          || version.StartsWith("2.2", StringComparison.Ordinal)
          || version.StartsWith("2.3", StringComparison.Ordinal));

    private static string Timestamp(DateTimeOffset time) => Hl7AckBuilder.FormatTimestamp(time);
}
