using System.Text.Json.Serialization;

namespace ActorBroker.Domain.Orders;

/// <summary>
/// Identifies one order: the site it belongs to and its accession number, already normalised by
/// the site's <see cref="Sites.AccessionRules"/> (so "ACC1" from two sites are two orders).
/// </summary>
public sealed record OrderKey(string Site, string Accession)
{
    /// <summary>The cluster-sharding entity id, "SITE|ACCESSION". A bar never occurs in a site id or a normalised accession.</summary>
    [JsonIgnore]
    public string EntityId => $"{Site}|{Accession}";

    public override string ToString() => EntityId;
}
