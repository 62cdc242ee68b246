namespace ActorBroker.Host.Launch;

/// <summary>
/// The answer of <see cref="LaunchLinkSigner.Verify(string, ReadOnlySpan{byte}, DateTimeOffset, TimeSpan, TimeSpan?)"/>.
/// <see cref="Link"/> is set only when <see cref="Status"/> is <see cref="LaunchLinkStatus.Valid"/>.
/// <see cref="Parameters"/> holds the decoded query as received (sig included), verified or not, so a caller
/// can log the site and role of a refused link; empty when the query was <see cref="LaunchLinkStatus.Malformed"/>
/// before it could be read.
/// </summary>
public sealed record LaunchLinkResult(
    LaunchLinkStatus Status,
    LaunchLink? Link,
    IReadOnlyDictionary<string, string> Parameters,
    string? MissingParameter = null)
{
    public bool IsValid => Status == LaunchLinkStatus.Valid;

    /// <summary>The decoded value of a query parameter as received (unverified unless <see cref="IsValid"/>), or null.</summary>
    public string? Get(string name) => Parameters.TryGetValue(name, out var v) ? v : null;
}
