using ActorBroker.Host.Launch;

namespace ActorBroker.Host.Tests.Launch;

/// <summary>Orders known to the test, (site, accession) -> study UID; records what it was asked.</summary>
internal sealed class DictionaryStudyUidLookup(Dictionary<(string Site, string Accession), string> studies) : IStudyUidLookup
{
    public List<(string Site, string Accession)> Asked { get; } = [];

    public Task<string?> FindStudyUidAsync(string site, string accession, CancellationToken cancellationToken)
    {
        Asked.Add((site, accession));
        return Task.FromResult(studies.TryGetValue((site, accession), out var uid) ? uid : null);
    }
}
