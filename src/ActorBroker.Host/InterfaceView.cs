using ActorBroker.Actors.Interfaces;
using ActorBroker.Actors.Outbound;

namespace ActorBroker.Host;

/// <summary>
/// The JSON shape of one interface for /api/interfaces (docs/cli.md, abctl interface): one field set for inbound
/// listeners and outbound destinations alike, so a table lists both; fields that do not apply are null or 0.
/// </summary>
internal sealed record InterfaceView(string Name, IReadOnlyDictionary<string, object?> Summary, IReadOnlyDictionary<string, object?> Detail)
{
    public static InterfaceView Inbound(InterfaceStatus s)
    {
        // Listeners are "hl7:orders" inside the broker; operators name them as in the HOCON ("orders").
        var name = s.Name.StartsWith("hl7:", StringComparison.Ordinal) ? s.Name[4..] : s.Name;
        // Queue depth of a listener: messages ACKed and not yet applied to their orders, plus those waiting to be
        // journaled while that backlog is at its bound (max-apply-backlog).
        var log = s.Log;
        var summary = Fields(
            name, "inbound", "hl7-mllp", s.Endpoint, s.State, s.Connections > 0, s.Connections,
            queueDepth: log is null ? 0 : log.Backlog + log.Held, inFlight: log?.InFlight ?? 0, parked: 0, oldest: null, retries: log?.Redelivered ?? 0, delivered: null,
            accepted: s.Accepted, rejected: s.Rejected, errors: s.Errors + s.FrameErrors,
            lastError: null, lastErrorAt: null, lastMessageAt: s.LastMessageAt);
        summary["applied"] = log?.Applied;
        summary["applying"] = log is null ? "unknown" : log.Held > 0 ? "backlog full (intake waits)" : log.Yielding ? "paused for a burst" : "running";
        return new InterfaceView(name, summary, WithMessages(summary, [], 0));
    }

    public static InterfaceView Outbound(OutboxStatus s, bool withMessages)
    {
        var summary = Fields(
            s.Name, "outbound", s.Kind, s.Endpoint, s.State, s.Connected, s.Connected ? 1 : 0,
            s.QueueDepth, s.InFlight, s.Parked, s.OldestMessageAgeSeconds, s.Retries, s.Delivered,
            accepted: null, rejected: null, s.Errors, s.LastError, s.LastErrorAt, s.LastMessageAt);
        var messages = withMessages
            ? s.Messages.Select(m => (object)new
            {
                id = m.Id,
                order = m.Order,
                messageControlId = m.MessageControlId,
                kind = m.Kind,
                summary = m.Summary,
                state = m.State,
                attempts = m.Attempts,
                enqueuedAt = m.EnqueuedAt,
                nextAttemptAt = m.NextAttemptAt,
                lastError = m.LastError,
            }).ToList()
            : [];
        return new InterfaceView(s.Name, summary, WithMessages(summary, messages, s.TotalMessages));
    }

    private static Dictionary<string, object?> WithMessages(Dictionary<string, object?> summary, IReadOnlyList<object> messages, int total) =>
        new(summary) { ["messages"] = messages, ["totalMessages"] = total };

    private static Dictionary<string, object?> Fields(
        string name, string direction, string kind, string endpoint, string state, bool connected, int connections,
        int queueDepth, int inFlight, int parked, double? oldest, long retries, long? delivered,
        long? accepted, long? rejected, long errors, string? lastError, DateTimeOffset? lastErrorAt, DateTimeOffset? lastMessageAt) => new()
    {
        ["name"] = name,
        ["direction"] = direction,
        ["kind"] = kind,
        ["endpoint"] = endpoint,
        ["state"] = state,
        ["connected"] = connected,
        ["connections"] = connections,
        ["queueDepth"] = queueDepth,
        ["inFlight"] = inFlight,
        ["parked"] = parked,
        ["oldestMessageAgeSeconds"] = oldest,
        ["retries"] = retries,
        ["delivered"] = delivered,
        ["accepted"] = accepted,
        ["rejected"] = rejected,
        ["errors"] = errors,
        ["lastError"] = lastError,
        ["lastErrorAt"] = lastErrorAt,
        ["lastMessageAt"] = lastMessageAt,
    };
}
