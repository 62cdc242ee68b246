using ActorBroker.Domain.Orders;
using ActorBroker.Domain.Sites;
using Akka.Configuration;

namespace ActorBroker.Actors.Settings;

/// <summary>
/// Reads actor-broker.sites from HOCON into the domain's <see cref="SiteRules"/>; every mistake is a
/// <see cref="ConfigurationException"/> naming the site and key, found at start rather than at the
/// first order.
/// </summary>
public static class SiteSettingsReader
{
    public static SiteDirectory Read(Config? sites)
    {
        if (sites is null || sites.IsEmpty)
        {
            return new SiteDirectory([]);
        }

        var rules = new List<SiteRules>();
        foreach (var siteId in TopLevelKeys(sites))
        {
            try
            {
                rules.Add(ReadSite(siteId, sites.GetConfig(siteId)));
            }
            catch (ArgumentException e)
            {
                throw new ConfigurationException($"actor-broker.sites.{siteId}: {e.Message}");
            }
        }

        try
        {
            return new SiteDirectory(rules);
        }
        catch (ArgumentException e)
        {
            throw new ConfigurationException("actor-broker.sites: " + e.Message);
        }
    }

    private static SiteRules ReadSite(string siteId, Config c)
    {
        var facilities = c.GetStringList("sending-facilities", []).ToList();
        if (facilities.Count == 0)
        {
            facilities.Add(siteId);
        }

        var stations = new List<ModalityStation>();
        var modalities = c.GetConfig("modalities");
        if (modalities is not null && !modalities.IsEmpty)
        {
            foreach (var ae in TopLevelKeys(modalities))
            {
                var m = modalities.GetConfig(ae);
                stations.Add(new ModalityStation(
                    ae,
                    m.GetString("modality", ""),
                    m.GetString("character-set", ModalityStation.DefaultCharacterSet),
                    m.GetString("station-name", ""),
                    m.GetString("location", "")));
            }
        }

        var stationRules = new List<StationRule>();
        foreach (var r in c.GetValue("station-rules")?.GetArray() ?? [])
        {
            var o = r.GetObject();
            stationRules.Add(new StationRule(
                o.GetKey("modality")?.GetString() ?? "",
                o.GetKey("location")?.GetString(),
                o.GetKey("ae-title")?.GetString() ?? ""));
        }

        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        var mapConfig = c.GetConfig("accession.map");
        if (mapConfig is not null && !mapConfig.IsEmpty)
        {
            foreach (var k in TopLevelKeys(mapConfig))
            {
                map[k] = mapConfig.GetString(k);
            }
        }

        var accession = new AccessionRules(
            c.GetStringList("accession.strip-prefixes", []).ToList(),
            map,
            c.GetInt("accession.max-length", AccessionRules.DicomShMaxLength),
            c.GetBoolean("accession.upper-case", true));

        var worklistStates = c.GetStringList("worklist-states", ["Scheduled"])
            .Select(s => Enum.TryParse<OrderState>(s, ignoreCase: true, out var st)
                ? st
                : throw new ArgumentException($"worklist-states: '{s}' is not one of {string.Join(", ", Enum.GetNames<OrderState>())}"))
            .ToList();

        return new SiteRules(siteId, facilities, c.GetString("time-zone", ""))
        {
            PatientIdIssuer = c.GetString("patient-id-issuer", ""),
            Accession = accession,
            Modalities = SiteRules.StationsByAeTitle(stations),
            StationRules = stationRules,
            StudyUidPolicy = ParsePolicy(c.GetString("study-uid-policy", "derive-from-accession")),
            UidRoot = c.GetString("uid-root", "2.25"),
            WorklistStates = worklistStates,
        };
    }

    private static StudyUidPolicy ParsePolicy(string value) => value.Replace("-", "", StringComparison.Ordinal).ToLowerInvariant() switch
    {
        "reject" => StudyUidPolicy.Reject,
        "generate" => StudyUidPolicy.Generate,
        "derivefromaccession" => StudyUidPolicy.DeriveFromAccession,
        _ => throw new ArgumentException($"study-uid-policy '{value}' is not reject, generate or derive-from-accession"),
    };

    // HOCON object keys at this level ("CT01", "MR01"), in file order.
    internal static IEnumerable<string> TopLevelKeys(Config c) =>
        c.Root.GetObject().Items.Select(kv => kv.Key);
}
