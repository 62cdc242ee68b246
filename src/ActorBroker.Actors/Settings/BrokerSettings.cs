using ActorBroker.Domain.Sites;
using Akka.Configuration;

namespace ActorBroker.Actors.Settings;

/// <summary>Everything under actor-broker, read once at start from the layered HOCON.</summary>
public sealed record BrokerSettings(
    string DataDir,
    string NodeName,
    IReadOnlyList<Hl7ListenerSettings> Hl7Listeners,
    ManagementSettings Management,
    PersistenceSettings Persistence,
    TimeSpan OrderPassivateAfter,
    int OrderShards,
    SiteDirectory Sites)
{
    // --- DICOM (issue 3): the MWL/echo SCP; an init property so existing constructions keep compiling.
    public DicomSettings Dicom { get; init; } = DicomSettings.Default;
    // --- end DICOM

    /// <summary>actor-broker.hl7.destinations: outbound MLLP interfaces (the EHR), each with a persistent outbox.</summary>
    public IReadOnlyList<Hl7DestinationSettings> Hl7Destinations { get; init; } = [];

    /// <summary>actor-broker.dicom.forward-mpps-to, or null when MPPS is not forwarded.</summary>
    public MppsForwardSettings? MppsForward { get; init; }

    /// <summary>actor-broker.links.viewer-url: the image-link template results carry ({accession} {studyUid} {patientId} {site}).</summary>
    public string ViewerUrlTemplate { get; init; } = DefaultViewerUrl;

    /// <summary>actor-broker.orders.snapshot-every: 0 = orders never snapshot (recovery skips the snapshot store); unset = persistence.snapshot-every.</summary>
    public int OrderSnapshotEvery { get; init; }

    /// <summary>actor-broker.studies.snapshot-every: 0 = studies never snapshot (recovery skips the snapshot store); unset = persistence.snapshot-every.</summary>
    public int StudySnapshotEvery { get; init; }

    public const string DefaultViewerUrl = "https://viewer.example.org/study?acc={accession}&uid={studyUid}";

    public static BrokerSettings FromConfig(Config root)
    {
        var c = root.GetConfig("actor-broker")
                ?? throw new ConfigurationException("The configuration has no actor-broker section");
        var listeners = new List<Hl7ListenerSettings>();
        var listenersConfig = c.GetConfig("hl7.listeners");
        if (listenersConfig is not null && !listenersConfig.IsEmpty)
        {
            foreach (var name in SiteSettingsReader.TopLevelKeys(listenersConfig))
            {
                var l = listenersConfig.GetConfig(name);
                listeners.Add(new Hl7ListenerSettings(
                    name,
                    l.GetString("host", "127.0.0.1"),
                    l.GetInt("port", 0),
                    l.GetInt("max-message-bytes", 16 * 1024 * 1024),
                    l.GetTimeSpan("idle-timeout", TimeSpan.FromMinutes(5)),
                    l.GetInt("max-in-flight-per-connection", 16),
                    l.GetTimeSpan("ack-timeout", TimeSpan.FromSeconds(10)),
                    l.GetInt("apply-concurrency", 64),
                    l.GetInt("apply-yield-above", 0),
                    l.GetInt("max-apply-backlog", 0),
                    l.GetInt("apply-concurrency-while-receiving", 0)));
                var listener = listeners[^1];
                if (Inbound.ApplyGate.Problem(listener.ApplyYieldAbove, listener.MaxApplyBacklog) is { } problem)
                {
                    throw new ConfigurationException($"actor-broker.hl7.listeners.{name}: {problem}");
                }
            }
        }

        var persistence = new PersistenceSettings(
            c.GetString("persistence.provider", "sqlite"),
            c.GetString("persistence.connection-string", ""),
            c.GetInt("persistence.snapshot-every", 50));

        return new BrokerSettings(
            DataDir: c.GetString("data-dir", "data"),
            NodeName: c.GetString("node-name", "actorbroker-1"),
            Hl7Listeners: listeners,
            Management: new ManagementSettings(c.GetString("management.host", "127.0.0.1"), c.GetInt("management.port", 9110)),
            Persistence: persistence,
            OrderPassivateAfter: c.GetTimeSpan("orders.passivate-after", TimeSpan.FromMinutes(2)),
            OrderShards: c.GetInt("orders.number-of-shards", 100),
            Sites: SiteSettingsReader.Read(c.GetConfig("sites")))
        {
            Dicom = DicomSettings.FromConfig(c.GetConfig("dicom")), // DICOM (issue 3)
            Hl7Destinations = Hl7DestinationSettings.ReadAll(c.GetConfig("hl7.destinations")),
            MppsForward = MppsForwardSettings.FromConfig(c.GetConfig("dicom.forward-mpps-to")),
            ViewerUrlTemplate = c.GetString("links.viewer-url", DefaultViewerUrl),
            OrderSnapshotEvery = c.HasPath("orders.snapshot-every") ? c.GetInt("orders.snapshot-every") : persistence.SnapshotEvery,
            StudySnapshotEvery = c.HasPath("studies.snapshot-every") ? c.GetInt("studies.snapshot-every") : persistence.SnapshotEvery,
        }.Validated();
    }

    // DICOM (issue 3): an AE title at two sites or an unknown character set stops the broker at start.
    private BrokerSettings Validated()
    {
        _ = new Modalities.ModalityDirectory(Sites);
        return this;
    }
}
