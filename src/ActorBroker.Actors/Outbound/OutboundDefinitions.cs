using ActorBroker.Actors.Mpps;
using ActorBroker.Actors.Persistence;
using ActorBroker.Actors.Settings;
using ActorBroker.Domain.Outbound;

namespace ActorBroker.Actors.Outbound;

/// <summary>The outboxes the configuration asks for: one per HL7 destination, one for MPPS forwarding.</summary>
public static class OutboundDefinitions
{
    /// <summary>Journal tag of order events that carry an <see cref="OutboundNotice"/> (set by the order entity).</summary>
    public const string OutboundTag = "outbound";

    public static IReadOnlyList<OutboxDefinition> For(BrokerSettings settings, TimeProvider time)
    {
        var list = new List<OutboxDefinition>();
        foreach (var d in settings.Hl7Destinations)
        {
            var format = Hl7OutboundSelector.Format(d, settings.ViewerUrlTemplate);
            list.Add(new OutboxDefinition(
                d.Name,
                "hl7-mllp",
                $"{d.Host}:{d.Port}",
                OutboundTag,
                PersistenceSetup.QueryId,
                (e, offset, now) => Hl7OutboundSelector.Select(d, format, e, offset, now),
                MllpTransportActor.GetProps(d),
                Policy(d.RetryBaseDelay, d.RetryMaxDelay, d.RetryJitter, d.MaxAttempts, d.AckTimeout, d.OnAe, d.OnAr),
                d.MaxInFlight,
                OwnThread: true));
        }

        if (settings.MppsForward is { } f)
        {
            var calling = f.CallingAeTitle.Length > 0 ? f.CallingAeTitle : settings.Dicom.AeTitle;
            list.Add(new OutboxDefinition(
                "mpps-forward",
                "dicom-mpps",
                $"{f.AeTitle}@{f.Host}:{f.Port}",
                Studies.StudyEntity.MppsTag,
                PersistenceSetup.QueryId,
                MppsForwardSelector.Select,
                DicomMppsTransportActor.GetProps(f, calling, time),
                // The DICOM transport connects per delivery and says "connected" again right after a failure: a
                // failed connection must count as a failed attempt (backoff), or a PACS that is down is called in a loop.
                Policy(f.RetryBaseDelay, f.RetryMaxDelay, 0.2, 0, TimeSpan.FromSeconds(90), "park", "park") with { ConnectionLossIsFailure = true },
                1));
        }

        return list;
    }

    private static OutboxPolicy Policy(TimeSpan baseDelay, TimeSpan maxDelay, double jitter, int maxAttempts, TimeSpan ackTimeout, string onAe, string onAr) => new()
    {
        BaseDelay = baseDelay,
        MaxDelay = maxDelay,
        JitterFraction = jitter,
        MaxAttempts = maxAttempts,
        AckTimeout = ackTimeout,
        AePolicy = onAe == "retry" ? OutboxErrorAction.Retry : OutboxErrorAction.Park,
        ArPolicy = onAr == "retry" ? OutboxErrorAction.Retry : OutboxErrorAction.Park,
    };
}
