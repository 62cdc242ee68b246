using ActorBroker.Domain.Orders;
using ActorBroker.Domain.Studies;

namespace ActorBroker.Host;

/// <summary>The JSON shape of one study for /api/studies/{uid} (abctl study show).</summary>
internal static class StudyViews
{
    /// <summary>orderStates: each order's state as its entity reported it (null: unknown or not answering).</summary>
    public static object Detail(StudySnapshot s, IReadOnlyDictionary<OrderKey, string?> orderStates) => new
    {
        studyInstanceUid = s.StudyInstanceUid,
        version = s.Version,
        mpps = s.Mpps.Select(m => new
        {
            uid = m.MppsInstanceUid,
            status = m.Status,
            station = m.PerformedStationAeTitle,
            modality = m.Modality,
            start = m.StartDateTime,
            end = m.EndDateTime,
            orders = m.Orders.Select(o => o.EntityId).ToList(),
        }).ToList(),
        series = s.Series.Select(x => new { uid = x.SeriesInstanceUid, description = x.Description, images = x.ImageCount }).ToList(),
        orders = s.Orders.Select(o => new { site = o.Site, accession = o.Accession, state = orderStates.GetValueOrDefault(o) }).ToList(),
    };
}
