using ActorBroker.Dicom.Data;
using ActorBroker.Dicom.Mwl;

namespace ActorBroker.Dicom.Sr;

/// <summary>
/// Reads a Basic Text, Enhanced or Comprehensive SR dataset (as received by C-STORE or read from
/// a file) into an <see cref="SrDocument"/>. Pure: no I/O, no policy. Text is decoded through the
/// dataset's Specific Character Set (items inherit it, PS3.5 7.5.3).
///
/// The content tree becomes report text in document order (<see cref="SrText"/>): a CONTAINER
/// with a concept name gives a heading "Findings:" followed by its content (a container with no
/// text under it gives nothing); TEXT gives its value, one line per CR/LF-separated line; CODE
/// "Concept: Meaning"; NUM "Concept: value unit"; DATE, TIME, DATETIME, PNAME, UIDREF
/// "Concept: value". The root's own title is not a line (it is <see cref="SrDocument.DocumentTitle"/>).
/// Left out: IMAGE, COMPOSITE, WAVEFORM and coordinates (references, not words), by-reference
/// relationships (their target is already in the text), and observation context and concept
/// modifiers (HAS OBS CONTEXT, HAS ACQ CONTEXT, HAS CONCEPT MOD: who observed, the language;
/// metadata, not findings) — they stay in <see cref="SrDocument.Root"/>.
///
/// Throws <see cref="SrFormatException"/> for another SOP class, a missing SOP Instance UID or
/// Study Instance UID, a root that is not a CONTAINER, and a document without text.
/// </summary>
// DICOM PS3.3 A.35.1-A.35.3 (SR IODs), C.17.2 (SR Document General), C.17.3 (SR Document Content), C.18 (content item macros)
public static class StructuredReportReader
{
    /// <summary>Nesting deeper than this is refused: no template comes close, a hostile file could.</summary>
    public const int MaxDepth = 64;

    public static SrDocument Read(DicomDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var sopClass = dataset.GetString(DicomTags.SOPClassUID);
        if (sopClass.Length == 0)
        {
            throw new SrFormatException("SOP Class UID (0008,0016) is missing: not a storable SR document");
        }

        if (!SrSopClasses.IsSupported(sopClass))
        {
            throw new SrFormatException(
                $"SOP Class UID (0008,0016) '{sopClass}' is not a report the broker reads (Basic Text SR {SrSopClasses.BasicText}, Enhanced SR {SrSopClasses.Enhanced}, Comprehensive SR {SrSopClasses.Comprehensive})");
        }

        var sopInstance = Required(dataset, DicomTags.SOPInstanceUID, "SOP Instance UID");
        var studyUid = Required(dataset, DicomTags.StudyInstanceUID, "Study Instance UID");
        var rootType = dataset.GetString(DicomTags.ValueType).ToUpperInvariant();
        if (rootType != "CONTAINER")
        {
            throw new SrFormatException(
                rootType.Length == 0
                    ? "Value Type (0040,A040) of the document root is missing: an SR document is a CONTAINER"
                    : $"Value Type (0040,A040) of the document root is '{rootType}': an SR document is a CONTAINER");
        }

        if (dataset.GetSequence(DicomTags.ContentSequence).Count == 0)
        {
            throw new SrFormatException($"{SrSopClasses.NameOf(sopClass)} {sopInstance} has no Content Sequence (0040,A730): there is no report in it");
        }

        var root = Item(dataset, depth: 0) with { RelationshipType = "" };
        var lines = SrText.Lines(root);
        if (lines.Count == 0)
        {
            throw new SrFormatException(
                $"{SrSopClasses.NameOf(sopClass)} {sopInstance} has no text: its content tree holds no TEXT, CODE, NUM, DATE, TIME, DATETIME, PNAME or UIDREF item outside observation context");
        }

        var observer = dataset.GetSequence(DicomTags.VerifyingObserverSequence) is [var first, ..] ? first : null;
        var (contentDateTime, hasTime) = ContentDateTime(dataset);
        return new SrDocument
        {
            SopClassUid = sopClass,
            SopInstanceUid = sopInstance,
            StudyInstanceUid = studyUid,
            SeriesInstanceUid = dataset.GetString(DicomTags.SeriesInstanceUID),
            AccessionNumber = dataset.GetString(DicomTags.AccessionNumber),
            PatientId = dataset.GetString(DicomTags.PatientID),
            PatientName = dataset.GetString(DicomTags.PatientName),
            SpecificCharacterSet = dataset.GetString(DicomTags.SpecificCharacterSet),
            CompletionFlag = dataset.GetString(DicomTags.CompletionFlag).ToUpperInvariant(),
            VerificationFlag = dataset.GetString(DicomTags.VerificationFlag).ToUpperInvariant(),
            VerifyingObserverName = observer?.GetString(DicomTags.VerifyingObserverName) ?? "",
            VerificationDateTime = observer?.GetString(DicomTags.VerificationDateTime) ?? "",
            ContentDateTime = contentDateTime,
            HasContentTime = hasTime,
            TimezoneOffsetFromUtc = DicomDateTime.TryParseOffset(dataset.GetString(DicomTags.TimezoneOffsetFromUTC), out var minutes)
                ? TimeSpan.FromMinutes(minutes)
                : null,
            ReferencedRequests = dataset.GetSequence(DicomTags.ReferencedRequestSequence).Select(Request).ToList(),
            PredecessorDocuments = Predecessors(dataset),
            Root = root,
            Lines = lines,
        };
    }

    private static string Required(DicomDataset dataset, DicomTag tag, string name)
    {
        var value = dataset.GetString(tag);
        return value.Length > 0 ? value : throw new SrFormatException($"{name} {tag} is missing (Type 1 in an SR document)");
    }

    // PS3.3 C.17.3.2 (Content Item and relationship), Table C.17-6.
    private static SrContentItem Item(DicomDataset item, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new SrFormatException($"the content tree nests deeper than {MaxDepth} levels");
        }

        var children = item.GetSequence(DicomTags.ContentSequence);
        var nested = new List<SrContentItem>(children.Count);
        foreach (var child in children)
        {
            nested.Add(Item(child, depth + 1));
        }

        var relationship = item.GetString(DicomTags.RelationshipType).ToUpperInvariant();
        var reference = item.GetStrings(DicomTags.ReferencedContentItemIdentifier);
        if (reference.Count > 0)
        {
            // A by-reference relationship (Comprehensive SR): no value type, no concept, only a path.
            return new SrContentItem(relationship, "", null, "", null, nested) { ReferencedContentItem = string.Join('.', reference) };
        }

        var valueType = item.GetString(DicomTags.ValueType).ToUpperInvariant();
        var concept = FirstCode(item, DicomTags.ConceptNameCodeSequence);
        (string Value, SrCode? Code) parsed = valueType switch
        {
            "TEXT" => (item.GetString(DicomTags.TextValue), null),
            "CODE" => ("", FirstCode(item, DicomTags.ConceptCodeSequence)),
            "NUM" => Numeric(item),
            "DATETIME" => (item.GetString(DicomTags.DateTime), null),
            "DATE" => (item.GetString(DicomTags.Date), null),
            "TIME" => (item.GetString(DicomTags.Time), null),
            "PNAME" => (item.GetString(DicomTags.PersonName), null),
            "UIDREF" => (item.GetString(DicomTags.UID), null),
            "IMAGE" or "COMPOSITE" or "WAVEFORM" => (ReferencedSop(item), null),
            _ => ("", null),
        };
        return new SrContentItem(relationship, valueType, concept, parsed.Value, parsed.Code, nested);
    }

    // PS3.3 C.18.1 (Numeric Measurement Macro): the value and its unit sit in Measured Value Sequence.
    private static (string Value, SrCode? Unit) Numeric(DicomDataset item)
    {
        if (item.GetSequence(DicomTags.MeasuredValueSequence) is not [var measured, ..])
        {
            return ("", null);
        }

        return (measured.GetString(DicomTags.NumericValue), FirstCode(measured, DicomTags.MeasurementUnitsCodeSequence));
    }

    private static string ReferencedSop(DicomDataset item) =>
        item.GetSequence(DicomTags.ReferencedSOPSequence) is [var reference, ..] ? reference.GetString(DicomTags.ReferencedSOPInstanceUID) : "";

    // PS3.3 8.8 (Code Sequence Macro): Code Value, else Long Code Value, else URN Code Value.
    private static SrCode? FirstCode(DicomDataset item, DicomTag sequence)
    {
        if (item.GetSequence(sequence) is not [var code, ..])
        {
            return null;
        }

        var value = code.GetString(DicomTags.CodeValue);
        if (value.Length == 0)
        {
            value = code.GetString(DicomTags.LongCodeValue);
        }

        if (value.Length == 0)
        {
            value = code.GetString(DicomTags.URNCodeValue);
        }

        return new SrCode(value, code.GetString(DicomTags.CodingSchemeDesignator), code.GetString(DicomTags.CodeMeaning));
    }

    private static SrRequest Request(DicomDataset item) => new(
        AccessionNumber: item.GetString(DicomTags.AccessionNumber),
        StudyInstanceUid: item.GetString(DicomTags.StudyInstanceUID),
        PlacerOrderNumber: item.GetString(DicomTags.PlacerOrderNumberImagingServiceRequest),
        FillerOrderNumber: item.GetString(DicomTags.FillerOrderNumberImagingServiceRequest),
        RequestedProcedureId: item.GetString(DicomTags.RequestedProcedureID),
        RequestedProcedureDescription: item.GetString(DicomTags.RequestedProcedureDescription));

    // PS3.3 C.17.2.3 (Predecessor Documents Sequence: Hierarchical SOP Instance Reference Macro).
    private static List<string> Predecessors(DicomDataset dataset) =>
        dataset.GetSequence(DicomTags.PredecessorDocumentsSequence)
            .SelectMany(study => study.GetSequence(DicomTags.ReferencedSeriesSequence))
            .SelectMany(series => series.GetSequence(DicomTags.ReferencedSOPSequence))
            .Select(sop => sop.GetString(DicomTags.ReferencedSOPInstanceUID))
            .Where(uid => uid.Length > 0)
            .ToList();

    private static (DateTime? Value, bool HasTime) ContentDateTime(DicomDataset dataset)
    {
        if (!DicomDateTime.TryParseDate(dataset.GetString(DicomTags.ContentDate), out var date))
        {
            return (null, false);
        }

        var midnight = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return DicomDateTime.TryParseTime(dataset.GetString(DicomTags.ContentTime), out var start, out _)
            ? (midnight.AddTicks(start * (TimeSpan.TicksPerMillisecond / 1000)), true)
            : (midnight, false);
    }
}
