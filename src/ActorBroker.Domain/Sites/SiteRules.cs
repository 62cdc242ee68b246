using System.Text.Json.Serialization;
using ActorBroker.Domain.Orders;

namespace ActorBroker.Domain.Sites;

/// <summary>
/// One site's configuration: which sending facilities (MSH-4) are it, its time zone, how its
/// accessions, patient ids and Study UIDs are handled, its modalities and which order states show
/// on its worklist. Constructed with the three things every site must have; the rest are init
/// properties with working defaults. Invalid settings throw at construction (or in a `with`), so
/// a bad configuration stops the broker at start, not at the first order.
/// </summary>
public sealed record SiteRules
{
    private readonly string _timeZoneId = "";
    private readonly string _uidRoot = DicomUids.UuidRoot;
    private readonly IReadOnlyDictionary<string, ModalityStation> _modalities = new Dictionary<string, ModalityStation>(StringComparer.Ordinal);

    public SiteRules(string siteId, IReadOnlyList<string> sendingFacilities, string timeZoneId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(siteId);
        ArgumentNullException.ThrowIfNull(sendingFacilities);
        if (siteId.Contains('|', StringComparison.Ordinal))
        {
            throw new ArgumentException($"site id '{siteId}' contains '|', which separates site and accession in order ids", nameof(siteId));
        }

        SiteId = siteId;
        SendingFacilities = sendingFacilities;
        TimeZoneId = timeZoneId;
    }

    public string SiteId { get; }

    /// <summary>MSH-4 values (namespace id) that mean this site, compared ignoring case.</summary>
    public IReadOnlyList<string> SendingFacilities { get; init; }

    /// <summary>IANA time zone id, e.g. America/Chicago. Setting it resolves <see cref="TimeZone"/>.</summary>
    public string TimeZoneId
    {
        get => _timeZoneId;
        init
        {
            TimeZone = ResolveTimeZone(value, SiteId);
            _timeZoneId = value;
        }
    }

    /// <summary>The resolved zone; not serialized (TimeZoneInfo is not a journal type), rebuilt from TimeZoneId.</summary>
    [JsonIgnore]
    public TimeZoneInfo TimeZone { get; private init; } = TimeZoneInfo.Utc;

    /// <summary>
    /// Assigning authority (PID-3 CX-4.1) whose identifier is the Patient ID; the others become
    /// Other Patient IDs. Empty: the first repetition is the Patient ID.
    /// </summary>
    public string PatientIdIssuer { get; init; } = "";

    public AccessionRules Accession { get; init; } = AccessionRules.Default;

    /// <summary>The site's modalities by Scheduled Station AE Title.</summary>
    public IReadOnlyDictionary<string, ModalityStation> Modalities
    {
        get => _modalities;
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            foreach (var (ae, station) in value)
            {
                if (!string.Equals(ae, station.AeTitle, StringComparison.Ordinal))
                {
                    throw new ArgumentException($"site {SiteId}: modality entry '{ae}' holds the station of AE title '{station.AeTitle}'", nameof(Modalities));
                }

                if (ae.Length is 0 or > 16 || ae.Contains('\\', StringComparison.Ordinal))
                {
                    throw new ArgumentException($"site {SiteId}: '{ae}' is not a valid AE title (1..16 characters, no backslash)", nameof(Modalities));
                }
            }

            _modalities = value;
        }
    }

    /// <summary>Explicit station assignments, tried in order before the one-station-per-modality fallback.</summary>
    public IReadOnlyList<StationRule> StationRules { get; init; } = [];

    public StudyUidPolicy StudyUidPolicy { get; init; } = StudyUidPolicy.DeriveFromAccession;

    /// <summary>Root of the Study UIDs the broker makes (2.25: UUID-derived, PS3.5 B.2).</summary>
    public string UidRoot
    {
        get => _uidRoot;
        init => _uidRoot = DicomUids.CheckRoot(value);
    }

    /// <summary>Order states whose steps are listed on the worklist (by default only Scheduled).</summary>
    public IReadOnlyList<OrderState> WorklistStates { get; init; } = [OrderState.Scheduled];

    /// <summary>Convenience for building a site from stations: the dictionary keyed by AE title.</summary>
    public static IReadOnlyDictionary<string, ModalityStation> StationsByAeTitle(IEnumerable<ModalityStation> stations)
    {
        ArgumentNullException.ThrowIfNull(stations);
        var map = new Dictionary<string, ModalityStation>(StringComparer.Ordinal);
        foreach (var station in stations)
        {
            if (!map.TryAdd(station.AeTitle, station))
            {
                throw new ArgumentException($"AE title '{station.AeTitle}' is configured twice", nameof(stations));
            }
        }

        return map;
    }

    public bool ShowsOnWorklist(OrderState state) => WorklistStates.Contains(state);

    /// <summary>
    /// The Scheduled Station AE Title for an order that names none: the first rule whose modality
    /// matches and whose location (if any) is the order's point of care; else the site's only
    /// station of that modality; else "" (ambiguous or unknown: the worklist item then has no
    /// station, and the MWL still finds it by modality and date).
    /// </summary>
    public string AssignStation(string modality, string pointOfCare)
    {
        ArgumentNullException.ThrowIfNull(modality);
        ArgumentNullException.ThrowIfNull(pointOfCare);
        foreach (var rule in StationRules)
        {
            if (string.Equals(rule.Modality, modality, StringComparison.OrdinalIgnoreCase)
                && (string.IsNullOrEmpty(rule.Location) || string.Equals(rule.Location, pointOfCare, StringComparison.OrdinalIgnoreCase)))
            {
                return rule.AeTitle;
            }
        }

        ModalityStation? only = null;
        foreach (var station in _modalities.Values)
        {
            if (string.Equals(station.Modality, modality, StringComparison.OrdinalIgnoreCase))
            {
                if (only is not null)
                {
                    return "";
                }

                only = station;
            }
        }

        return only?.AeTitle ?? "";
    }

    public ModalityStation? Station(string aeTitle) =>
        aeTitle is not null && _modalities.TryGetValue(aeTitle, out var station) ? station : null;

    public bool IsSendingFacility(string facility)
    {
        foreach (var f in SendingFacilities)
        {
            if (string.Equals(f, facility, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A Study Instance UID for a new order without one, by <see cref="StudyUidPolicy"/> (null for Reject).</summary>
    public string? MakeStudyUid(string accession, Func<Guid> newGuid)
    {
        ArgumentNullException.ThrowIfNull(newGuid);
        return StudyUidPolicy switch
        {
            StudyUidPolicy.DeriveFromAccession => DicomUids.DeriveStudyUid(UidRoot, SiteId, accession),
            StudyUidPolicy.Generate => DicomUids.FromGuid(UidRoot, newGuid()),
            _ => null,
        };
    }

    private static TimeZoneInfo ResolveTimeZone(string id, string site)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            throw new ArgumentException($"site {site}: time-zone is required (an IANA id such as America/Chicago)", nameof(id));
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new ArgumentException($"site {site}: time zone '{id}' is not a known IANA time zone id (e.g. America/Chicago, Europe/Copenhagen)", nameof(id), e);
        }
    }
}
