using ActorBroker.Actors.Modalities;
using ActorBroker.Actors.Worklist;

namespace ActorBroker.Host;

/// <summary>JSON shapes of /api/modalities (camelCase by the API's serializer options; no patient data).</summary>
internal static class ModalityViews
{
    public static object Modality(ModalityStatus m) => new
    {
        aeTitle = m.AeTitle,
        site = m.Site,
        modality = m.Modality,
        characterSet = m.CharacterSet,
        stationName = m.StationName,
        worklistItems = m.WorklistItems,
        associations = m.Associations,
        activeAssociations = m.ActiveAssociations,
        rejectedAssociations = m.RejectedAssociations,
        queries = m.Queries,
        failedQueries = m.FailedQueries,
        cancelledQueries = m.CancelledQueries,
        itemsReturned = m.ItemsReturned,
        lastAssociationAt = m.LastAssociationAt,
        lastQueryAt = m.LastQueryAt,
        lastQueryItems = m.LastQueryItems,
        lastQueryMilliseconds = m.LastQueryMilliseconds,
    };

    public static object Worklist(WorklistStatus s) => new
    {
        status = s.Rebuilt ? "ready" : "rebuilding",
        items = s.Items,
        orders = s.OrdersListed,
        rebuildMilliseconds = s.RebuildTime is { } t ? Math.Round(t.TotalMilliseconds) : (double?)null,
    };
}
