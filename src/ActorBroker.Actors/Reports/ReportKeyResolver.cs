using ActorBroker.Actors.Orders;
using ActorBroker.Domain.Orders;
using ActorBroker.Domain.Reports;
using Akka.Actor;

namespace ActorBroker.Actors.Reports;

/// <summary>
/// Finds the order a report belongs to: its accession when it has one (the order need not exist yet: a report
/// before its order is kept by the order's entity and applied when the NW arrives), else the order index by
/// placer order number, filler order number or Study Instance UID. No match, or several, is a clear reason.
/// </summary>
public sealed class ReportKeyResolver
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);
    private readonly IActorRef _index;

    public ReportKeyResolver(IActorRef index) => _index = index;

    public async Task<(OrderKey? Key, string? Problem)> ResolveAsync(ReportMatch match, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(match);
        if (match.Key is { } key)
        {
            return (key, null);
        }

        if (match.PlacerOrderNumber.Length == 0 && match.FillerOrderNumber.Length == 0 && match.StudyInstanceUid.Length == 0)
        {
            return (null, "the report names no accession, placer or filler order number, or Study Instance UID" + Because(match));
        }

        var found = await _index.Ask<OrderKeys>(new FindOrdersByReference(match.Site.Length > 0 ? match.Site : null, match.PlacerOrderNumber, match.FillerOrderNumber, match.StudyInstanceUid), Timeout, ct);
        return found.Keys.Count switch
        {
            1 => (found.Keys[0], null),
            0 => (null, $"no order matches placer '{match.PlacerOrderNumber}', filler '{match.FillerOrderNumber}' or study '{match.StudyInstanceUid}'" + Because(match)),
            _ => (null, $"{found.Keys.Count} orders match placer '{match.PlacerOrderNumber}' / filler '{match.FillerOrderNumber}' / study '{match.StudyInstanceUid}'; send the accession"),
        };
    }

    private static string Because(ReportMatch match) => match.AccessionProblem.Length > 0 ? $" ({match.AccessionProblem})" : "";
}
