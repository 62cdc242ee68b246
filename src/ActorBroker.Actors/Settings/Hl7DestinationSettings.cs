using Akka.Configuration;

namespace ActorBroker.Actors.Settings;

/// <summary>
/// actor-broker.hl7.destinations.&lt;name&gt;: an outbound MLLP interface (the EHR) fed by a persistent
/// outbox. Kinds says which notices it receives ("status" = ORC SC IP/CM/DC, "result" = ORU^R01).
/// OnAe/OnAr: "retry" (backoff, the order's later messages wait) or "park" (an exception; only that
/// order waits until an operator retries or discards it). MaxAttempts 0 = retry forever.
/// </summary>
public sealed record Hl7DestinationSettings(
    string Name,
    string Host,
    int Port,
    string StatusMessageType,
    string SendingApplication,
    string SendingFacility,
    string ReceivingApplication,
    string ReceivingFacility,
    IReadOnlyList<string> Kinds,
    int MaxInFlight,
    TimeSpan AckTimeout,
    TimeSpan ConnectTimeout,
    TimeSpan RetryBaseDelay,
    TimeSpan RetryMaxDelay,
    double RetryJitter,
    int MaxAttempts,
    string OnAe,
    string OnAr,
    string ReportTextValueType,
    string ImageLinkValueType,
    int MaxMessageBytes,
    TimeSpan LinkThreadSlice)
{
    /// <summary>The scheduler slice the outbox's and the ACK reader's threads ask for (see hocon/actor-broker.conf).</summary>
    public static readonly TimeSpan DefaultLinkThreadSlice = TimeSpan.FromMilliseconds(0.1);

    public bool Receives(string kind) => Kinds.Contains(kind, StringComparer.OrdinalIgnoreCase);

    public static IReadOnlyList<Hl7DestinationSettings> ReadAll(Config? destinations)
    {
        var list = new List<Hl7DestinationSettings>();
        if (destinations is null || destinations.IsEmpty)
        {
            return list;
        }

        foreach (var name in SiteSettingsReader.TopLevelKeys(destinations))
        {
            list.Add(Read(name, destinations.GetConfig(name)));
        }

        return list;
    }

    public static Hl7DestinationSettings Read(string name, Config c)
    {
        var kinds = c.HasPath("kinds") ? c.GetStringList("kinds").ToArray() : ["status", "result"];
        var s = new Hl7DestinationSettings(
            name,
            c.GetString("host", "127.0.0.1"),
            c.GetInt("port", 2576),
            c.GetString("status-message-type", "ORM^O01"),
            c.GetString("sending-application", "ACTORBROKER"),
            c.GetString("sending-facility", ""),
            c.GetString("receiving-application", ""),
            c.GetString("receiving-facility", ""),
            kinds,
            c.GetInt("max-in-flight", 1),
            c.GetTimeSpan("ack-timeout", TimeSpan.FromSeconds(30)),
            c.GetTimeSpan("connect-timeout", TimeSpan.FromSeconds(5)),
            c.GetTimeSpan("retry.base-delay", TimeSpan.FromSeconds(1)),
            c.GetTimeSpan("retry.max-delay", TimeSpan.FromMinutes(5)),
            c.GetDouble("retry.jitter", 0.2),
            c.GetInt("retry.max-attempts", 0),
            c.GetString("on-ae", "park"),
            c.GetString("on-ar", "park"),
            c.GetString("report-text-value-type", "TX"),
            c.GetString("image-link-value-type", "RP"),
            c.GetInt("max-message-bytes", 16 * 1024 * 1024),
            c.GetTimeSpan("link-thread-slice", DefaultLinkThreadSlice));
        return s.Validated();
    }

    private Hl7DestinationSettings Validated()
    {
        var where = $"actor-broker.hl7.destinations.{Name}";
        if (Port is < 1 or > 65535)
        {
            throw new ConfigurationException($"{where}.port must be 1..65535");
        }

        if (StatusMessageType is not ("ORM^O01" or "OMI^O23"))
        {
            throw new ConfigurationException($"{where}.status-message-type must be ORM^O01 or OMI^O23, not '{StatusMessageType}'");
        }

        if (MaxInFlight < 1)
        {
            throw new ConfigurationException($"{where}.max-in-flight must be at least 1");
        }

        if (LinkThreadSlice < TimeSpan.Zero || LinkThreadSlice > TimeSpan.FromMilliseconds(100))
        {
            throw new ConfigurationException($"{where}.link-thread-slice must be 0 (the system's default) or 0.1ms..100ms");
        }

        foreach (var (key, value) in new[] { ("on-ae", OnAe), ("on-ar", OnAr) })
        {
            if (value is not ("retry" or "park"))
            {
                throw new ConfigurationException($"{where}.{key} must be retry or park, not '{value}'");
            }
        }

        foreach (var kind in Kinds)
        {
            if (kind is not ("status" or "result"))
            {
                throw new ConfigurationException($"{where}.kinds: unknown kind '{kind}' (status, result)");
            }
        }

        if (ReportTextValueType is not ("TX" or "FT") || ImageLinkValueType is not ("RP" or "ST" or "TX" or "none"))
        {
            throw new ConfigurationException($"{where}: report-text-value-type is TX or FT; image-link-value-type is RP, ST, TX or none");
        }

        return this;
    }
}
