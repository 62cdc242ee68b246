using ActorBroker.Dicom.CharacterSets;
using ActorBroker.Domain.Sites;
using Akka.Configuration;

namespace ActorBroker.Actors.Modalities;

/// <summary>
/// Every configured modality by its AE title, across sites: who may call the DICOM SCP, which site's worklist it
/// sees and in which character set. An AE title configured at two sites is a configuration error (the SCP could
/// not tell whose worklist to serve), as is a character set the DICOM library does not know.
/// </summary>
public sealed class ModalityDirectory
{
    private readonly Dictionary<string, ModalityInfo> _byAe = new(StringComparer.Ordinal);
    private readonly string? _onlySite;

    public ModalityDirectory(SiteDirectory sites)
    {
        ArgumentNullException.ThrowIfNull(sites);
        _onlySite = sites.Sites.Count == 1 ? sites.Sites[0].SiteId : null;
        foreach (var site in sites.Sites)
        {
            foreach (var station in site.Modalities.Values)
            {
                var charset = DicomCharacterSet.Parse(station.CharacterSet);
                if (charset.UnknownTerms.Count > 0)
                {
                    throw new ConfigurationException($"actor-broker.sites.{site.SiteId}.modalities.{station.AeTitle}.character-set: '{station.CharacterSet}' is not a DICOM Specific Character Set this broker knows (e.g. \"ISO_IR 192\", \"ISO_IR 100\", \"ISO_IR 6\")");
                }

                if (_byAe.TryGetValue(station.AeTitle, out var other))
                {
                    throw new ConfigurationException($"actor-broker.sites: AE title {station.AeTitle} is configured at sites {other.Site} and {site.SiteId}; a calling AE must identify one modality");
                }

                _byAe[station.AeTitle] = new ModalityInfo(station.AeTitle, site.SiteId, station, charset);
            }
        }
    }

    public IReadOnlyCollection<ModalityInfo> All => _byAe.Values;

    public IReadOnlySet<string> AeTitles => _byAe.Keys.ToHashSet(StringComparer.Ordinal);

    /// <summary>The modality calling with this AE title (compared trimmed and case-sensitively, as PS3.8 AE titles are), or null.</summary>
    public ModalityInfo? Find(string callingAeTitle) =>
        callingAeTitle is not null && _byAe.TryGetValue(callingAeTitle.Trim(), out var m) ? m : null;

    /// <summary>
    /// The site of what this AE title sends (MPPS, SR): its modality's site, else the only site when there is one,
    /// else null (an unknown AE at a multi-site broker cannot be placed).
    /// </summary>
    public string? SiteFor(string aeTitle) => Find(aeTitle)?.Site ?? _onlySite;
}
