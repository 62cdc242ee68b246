using System.Diagnostics.CodeAnalysis;
using ActorBroker.Dicom.Data;

namespace ActorBroker.Dicom.Mwl;

/// <summary>
/// A Modality Worklist C-FIND identifier (PS3.4 K.6.1.2) compiled into matchers (PS3.4 C.2.2.2): universal,
/// single value, wild card, list of UIDs, range (DA/TM, combined date-time) and sequence matching with the
/// Scheduled Procedure Step item as template. Keys this SCP does not know are returned empty and not matched
/// (PS3.4 C.2.2.1.3: unsupported optional keys are not matched). Immutable; safe to share across threads.
/// </summary>
public sealed class MwlQuery
{
    private readonly List<Func<MwlEntry, bool>> _predicates;

    // PS3.4 C.2.2.2.5 range matching of SPS Start Date/Time, kept apart from _predicates so that a caller with the
    // entry's start already parsed skips the parsing.
    private DateTimeMatcher? _dateTime;
    private MwlResponsePlan? _responsePlan;
    private MwlResidualMatcher? _all;

    // The predicates of the SPS Modality and Scheduled Station AE Title keys (when matched): an index bucket of one
    // modality or station may imply them (Residual).
    private Func<MwlEntry, bool>? _modalityPredicate;
    private Func<MwlEntry, bool>? _stationPredicate;

    private MwlQuery(DicomDataset identifier, MwlMatchingOptions options, List<Func<MwlEntry, bool>> predicates)
    {
        Identifier = identifier;
        Options = options;
        _predicates = predicates;
    }

    /// <summary>The identifier as received: also the template of each response (<see cref="MwlResponseBuilder"/>).</summary>
    public DicomDataset Identifier { get; }

    public MwlMatchingOptions Options { get; }

    /// <summary>SPS Modality when it is one value without wildcards (an index key); else null.</summary>
    public string? Modality { get; private set; }

    /// <summary>Scheduled Station AE Title when one value without wildcards; else null.</summary>
    public string? StationAeTitle { get; private set; }

    /// <summary>Accession Number when one value without wildcards; else null.</summary>
    public string? AccessionNumber { get; private set; }

    /// <summary>Patient ID when one value without wildcards; else null.</summary>
    public string? PatientId { get; private set; }

    /// <summary>
    /// Lower bound of SPS Start Date (inclusive), null when open. In the query's timezone: when entries are stored
    /// with another Timezone Offset From UTC, widen an index lookup by a day on each side.
    /// </summary>
    public DateOnly? DateFrom { get; private set; }

    /// <summary>Upper bound of SPS Start Date (inclusive), null when open.</summary>
    public DateOnly? DateTo { get; private set; }

    /// <summary>Timezone Offset From UTC (0008,0201) of the query, when given: its dates and times are in that zone.</summary>
    public string? TimezoneOffsetFromUtc { get; private set; }

    /// <summary>
    /// The shape of each response to this query (worked out on first use; the identifier does not change after
    /// parsing): the shared plan of that shape, so that entries keep their responses to it across queries.
    /// </summary>
    internal MwlResponsePlan ResponsePlan => _responsePlan ??= MwlResponsePlan.Shared(MwlResponsePlan.ForIdentifier(Identifier));

    /// <summary>Compiles an identifier. Throws <see cref="MwlQueryException"/> (offending tag and reason) when it cannot be processed.</summary>
    // PS3.4 K.6.1.2 Modality Worklist Information Model; C.2.2.2 Attribute Matching.
    public static MwlQuery Parse(DicomDataset identifier, MwlMatchingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        options ??= MwlMatchingOptions.Default;
        var predicates = new List<Func<MwlEntry, bool>>();
        var query = new MwlQuery(identifier, options, predicates);

        int? queryOffset = null;
        var tz = identifier.GetString(DicomTags.TimezoneOffsetFromUTC);
        if (tz.Length > 0)
        {
            if (!DicomDateTime.TryParseOffset(tz, out var minutes))
                throw new MwlQueryException(DicomTags.TimezoneOffsetFromUTC, $"'{tz}' is not an offset (+HHMM or -HHMM)");
            queryOffset = minutes;
            query.TimezoneOffsetFromUtc = tz;
        }

        foreach (var element in identifier)
        {
            var tag = element.Tag;
            if (tag == DicomTags.ScheduledProcedureStepSequence)
            {
                var item = SingleItem(element);
                if (item is not null) query.AddSpsPredicates(item, predicates, options, queryOffset);
            }
            else if (tag == DicomTags.RequestedProcedureCodeSequence)
            {
                var item = SingleItem(element);
                if (item is not null) AddPredicates(item, MwlAttributes.RequestedProcedureCode, predicates, options);
            }
            else if (MwlAttributes.TopLevel.TryGetValue(tag, out var attribute))
            {
                AddPredicate(identifier, attribute, predicates, options);
            }
        }

        query.AccessionNumber = IndexValue(identifier, DicomTags.AccessionNumber);
        query.PatientId = IndexValue(identifier, DicomTags.PatientID);
        return query;
    }

    /// <summary>Like <see cref="Parse"/>, with the failure returned instead of thrown.</summary>
    public static bool TryParse(DicomDataset identifier, MwlMatchingOptions? options,
        [NotNullWhen(true)] out MwlQuery? query, [NotNullWhen(false)] out MwlQueryException? error)
    {
        try
        {
            query = Parse(identifier, options);
            error = null;
            return true;
        }
        catch (MwlQueryException ex)
        {
            query = null;
            error = ex;
            return false;
        }
    }

    /// <summary>True when the entry matches every key of the identifier.</summary>
    public bool Matches(MwlEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return Matches(entry, _dateTime is null ? default : MwlSpsStart.Of(entry));
    }

    /// <summary>As <see cref="Matches(MwlEntry)"/>, with the entry's SPS start already parsed (<see cref="MwlSpsStart.Of"/>): what an index that keeps it beside each item calls.</summary>
    public bool Matches(MwlEntry entry, in MwlSpsStart start) => All.Matches(entry, start);

    // Every key: the residual of a bucket that decides nothing (built on first use; the keys do not change after parsing).
    private MwlResidualMatcher All => _all ??= new MwlResidualMatcher([.. _predicates], _dateTime);

    /// <summary>
    /// What is left of <see cref="Matches(MwlEntry, in MwlSpsStart)"/> for candidates known to share some values,
    /// as an index bucket guarantees them: every candidate's SPS Modality has a value (backslash-separated, spaces
    /// trimmed) equal to <paramref name="modality"/>, its Scheduled Station AE Title one equal to
    /// <paramref name="stationAeTitle"/>, its SPS Start Date is the valid date <paramref name="spsStartDate"/> (null:
    /// nothing known). A key is dropped only where the fact decides it exactly as the key's matcher would (a single
    /// value without wild cards equal to the fact; a date or date range with no time and no Timezone Offset From
    /// UTC, containing the date); everything else is still matched. For such candidates the residual's answer is
    /// <see cref="Matches(MwlEntry, in MwlSpsStart)"/>'s.
    /// </summary>
    public MwlResidualMatcher Residual(string? modality, string? stationAeTitle, DateOnly? spsStartDate)
    {
        var dropModality = _modalityPredicate is not null && Implies(modality, Modality);
        var dropStation = _stationPredicate is not null && Implies(stationAeTitle, StationAeTitle);
        var dropDate = _dateTime is not null && spsStartDate is { } day && _dateTime.ImpliedBy(day);
        if (!dropModality && !dropStation && !dropDate)
        {
            return All;
        }

        var predicates = _predicates
            .Where(p => !(dropModality && ReferenceEquals(p, _modalityPredicate)) && !(dropStation && ReferenceEquals(p, _stationPredicate)))
            .ToArray();
        return new MwlResidualMatcher(predicates, dropDate ? null : _dateTime);

        // PS3.4 C.2.2.2.1 single value matching of a multi-valued CS/AE key (TextMatcher): some value of the entry,
        // trimmed of spaces, equals the query's value trimmed of spaces. That is the fact when both are the same.
        static bool Implies(string? fact, string? queryValue) =>
            fact is { Length: > 0 } && queryValue is not null && string.Equals(queryValue.Trim(' '), fact, StringComparison.Ordinal);
    }

    private void AddSpsPredicates(DicomDataset item, List<Func<MwlEntry, bool>> predicates, MwlMatchingOptions options, int? queryOffset)
    {
        foreach (var element in item)
        {
            if (element.Tag == DicomTags.ScheduledProtocolCodeSequence)
            {
                var code = SingleItem(element);
                if (code is not null) AddPredicates(code, MwlAttributes.ProtocolCode, predicates, options);
            }
            else if (element.Tag != DicomTags.ScheduledProcedureStepStartDate && element.Tag != DicomTags.ScheduledProcedureStepStartTime &&
                MwlAttributes.SpsItem.TryGetValue(element.Tag, out var attribute))
            {
                var before = predicates.Count;
                AddPredicate(item, attribute, predicates, options);
                if (predicates.Count > before && element.Tag == DicomTags.Modality) _modalityPredicate = predicates[^1];
                if (predicates.Count > before && element.Tag == DicomTags.ScheduledStationAETitle) _stationPredicate = predicates[^1];
            }
        }
        var dateTime = DateTimeMatcher.Create(
            item.GetString(DicomTags.ScheduledProcedureStepStartDate), DicomTags.ScheduledProcedureStepStartDate,
            item.GetString(DicomTags.ScheduledProcedureStepStartTime), DicomTags.ScheduledProcedureStepStartTime,
            options.CombinedDateTimeMatching, queryOffset);
        if (dateTime is not null)
        {
            _dateTime = dateTime;
            DateFrom = dateTime.DateFrom;
            DateTo = dateTime.DateTo;
        }
        Modality = IndexValue(item, DicomTags.Modality);
        StationAeTitle = IndexValue(item, DicomTags.ScheduledStationAETitle);
    }

    private static void AddPredicates(DicomDataset item, IReadOnlyDictionary<DicomTag, MwlAttribute> table, List<Func<MwlEntry, bool>> predicates, MwlMatchingOptions options)
    {
        foreach (var element in item)
        {
            if (table.TryGetValue(element.Tag, out var attribute)) AddPredicate(item, attribute, predicates, options);
        }
    }

    private static void AddPredicate(DicomDataset ds, MwlAttribute attribute, List<Func<MwlEntry, bool>> predicates, MwlMatchingOptions options)
    {
        var value = ds.GetString(attribute.Tag);
        var get = attribute.Get;
        if (attribute.VR == DicomVR.UI)
        {
            // PS3.4 C.2.2.2.2 List of UID Matching.
            var uids = value.Split('\\').Select(u => u.Trim(' ', '\0')).Where(u => u.Length > 0).ToHashSet(StringComparer.Ordinal);
            if (uids.Count > 0) predicates.Add(e => uids.Contains(get(e)));
            return;
        }
        if (attribute.VR == DicomVR.DA || attribute.VR == DicomVR.TM)
        {
            var isDate = attribute.VR == DicomVR.DA;
            var matcher = DateTimeMatcher.Create(isDate ? value : "", attribute.Tag, isDate ? "" : value, attribute.Tag, false, null);
            if (matcher is not null) predicates.Add(e => isDate ? matcher.Matches(get(e), "", "") : matcher.Matches("", get(e), ""));
            return;
        }
        var text = TextMatcher.Create(value, attribute.VR, options.ExactNameMatching);
        if (text is not null) predicates.Add(e => text.Matches(get(e)));
    }

    // PS3.4 C.2.2.2.6 Sequence Matching: the key is a sequence of one item (the template); zero items or an empty
    // item means universal matching.
    private static DicomDataset? SingleItem(DicomElement element)
    {
        if (!element.IsSequence)
        {
            if (element.IsEmpty) return null;
            throw new MwlQueryException(element.Tag, $"is {element.VR}, a sequence key must be SQ");
        }
        return element.Items.Count switch
        {
            0 => null,
            1 => element.Items[0],
            _ => throw new MwlQueryException(element.Tag, $"sequence key has {element.Items.Count} items; PS3.4 C.2.2.2.6 allows one"),
        };
    }

    private static string? IndexValue(DicomDataset ds, DicomTag tag)
    {
        var v = ds.GetString(tag);
        return v.Length == 0 || WildcardPattern.HasWildcard(v) || v.Contains('\\', StringComparison.Ordinal) ? null : v;
    }
}
