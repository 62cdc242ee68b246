using System.Globalization;
using ActorBroker.Actors.Mpps;

namespace ActorBroker.Actors.Outbound;

/// <summary>
/// MPPS forwarding: every accepted N-CREATE and N-SET (the study entities' MPPS events, tagged "mpps" while forwarding
/// is configured) becomes the same request toward the PACS, with the dataset as the modality sent it. Order is kept
/// per MPPS instance.
/// </summary>
public static class MppsForwardSelector
{
    public static OutboxItem? Select(object e, long offset, DateTimeOffset now) => e switch
    {
        MppsCreated c => Item(c.MppsUid, "N-CREATE", c.Attributes.Status, c.Raw, offset, now),
        MppsUpdated u => Item(u.MppsUid, "N-SET", u.Attributes.Status, u.Raw, offset, now),
        _ => null,
    };

    private static OutboxItem Item(string uid, string kind, string status, byte[] raw, long offset, DateTimeOffset now)
    {
        var id = "mpps-" + offset.ToString("D12", CultureInfo.InvariantCulture);
        return new OutboxItem(id, uid, id, kind, $"{kind} {status}", raw, now);
    }
}
