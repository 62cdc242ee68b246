namespace ActorBroker.Host.Launch;

/// <summary>Finds the Study Instance UID of an order when a launch link does not carry one.</summary>
internal interface IStudyUidLookup
{
    /// <summary>The study UID of order (site, accession as the EHR sent it), or null when unknown or not answered in time.</summary>
    Task<string?> FindStudyUidAsync(string site, string accession, CancellationToken cancellationToken);
}
