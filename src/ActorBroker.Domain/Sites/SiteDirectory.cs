namespace ActorBroker.Domain.Sites;

/// <summary>
/// All configured sites, found by id or by the sending facility (MSH-4) of a message, both
/// ignoring case. A facility claimed by two sites is a configuration error: an order must
/// belong to exactly one site.
/// </summary>
public sealed class SiteDirectory
{
    private readonly Dictionary<string, SiteRules> _byId = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, SiteRules> _byFacility = new(StringComparer.OrdinalIgnoreCase);

    public SiteDirectory(IEnumerable<SiteRules> sites)
    {
        ArgumentNullException.ThrowIfNull(sites);
        var list = new List<SiteRules>();
        foreach (var site in sites)
        {
            if (!_byId.TryAdd(site.SiteId, site))
            {
                throw new ArgumentException($"site '{site.SiteId}' is configured twice", nameof(sites));
            }

            foreach (var facility in site.SendingFacilities)
            {
                if (!_byFacility.TryAdd(facility, site))
                {
                    throw new ArgumentException($"sending facility '{facility}' is claimed by sites {_byFacility[facility].SiteId} and {site.SiteId}", nameof(sites));
                }
            }

            list.Add(site);
        }

        Sites = list;
    }

    public IReadOnlyList<SiteRules> Sites { get; }

    /// <summary>The site whose sending facilities include MSH-4 (its namespace id), or null.</summary>
    public SiteRules? ResolveByFacility(string msh4) =>
        msh4 is not null && _byFacility.TryGetValue(msh4.Trim(), out var site) ? site : null;

    public SiteRules? Get(string siteId) =>
        siteId is not null && _byId.TryGetValue(siteId, out var site) ? site : null;
}
