using Akka.Event;
using ActorBroker.Actors.Exceptions;
using ActorBroker.Actors.Interfaces;
using ActorBroker.Actors.Modalities;
using ActorBroker.Actors.Mpps;
using ActorBroker.Actors.Outbound;
using ActorBroker.Actors.Studies;
using ActorBroker.Dicom.Dimse;
using ActorBroker.Actors.Orders;
using ActorBroker.Actors.Persistence;
using ActorBroker.Actors.Serialization;
using ActorBroker.Actors.Settings;
using ActorBroker.Actors.Worklist;
using ActorBroker.Domain.Worklist;
using Akka.Actor;
using Akka.Cluster;
using Akka.Cluster.Hosting;
using Akka.Cluster.Sharding;
using Akka.Configuration;
using Akka.Hosting;

namespace ActorBroker.Actors;

/// <summary>
/// Composes the broker's actor system on an Akka.Hosting builder: persistence, a (single-node by
/// default) cluster, the order shard region, the exception-store singleton, the order read model
/// and one interface actor per HL7 listener. The host and the tests share this one recipe.
/// </summary>
public static class BrokerAkkaSetup
{
    public const string SystemName = "actorbroker";

    public static AkkaConfigurationBuilder AddActorBroker(
        this AkkaConfigurationBuilder builder,
        Config config,
        BrokerSettings settings,
        BrokerEndpoints endpoints,
        TimeProvider time,
        WorklistIndex? worklistIndex = null,
        MppsStudyIndex? mppsIndex = null)
    {
        // The worklist index lives as long as the process: the host passes its own to read it directly.
        worklistIndex ??= new WorklistIndex();
        // Which study holds each MPPS instance this node routes: the host passes its own so that a replay from the
        // exception store routes through the same memory as the modalities' requests.
        var journal = JournalConnection.For(settings.Persistence, settings.DataDir);
        mppsIndex ??= new MppsStudyIndex(MppsStudyIndex.JournalLookup(journal));
        // Who may call the DICOM SCP and which site each station belongs to: built once, shared by the SCP, the MPPS
        // entities and the SR provider.
        var modalityDirectory = new ModalityDirectory(settings.Sites);
        PersistenceSetup.PrepareDatabase(settings.Persistence, settings.DataDir);
        // The operator's configuration wins over what is generated here, which wins over plugin defaults.
        var full = config
            .WithFallback(PersistenceSetup.Hocon(settings.Persistence, settings.DataDir))
            .WithFallback(SerializationHocon)
            .WithFallback(OutboundSupervisor.DispatcherHocon(OutboundSupervisor.OutboxThreadSlice(settings.Hl7Destinations)))
            // --- worklist (issue 3): the read journal's sequence retrieval polls every query-delay (1 s by default);
            // a catch-up query (CurrentEventsByTag, the read models' rebuild) waits several of those before it ends,
            // so 1 s made even an empty journal take ~4 s to rebuild. 200 ms matches refresh-interval.
            .WithFallback(ConfigurationFactory.ParseString("akka.persistence.query.journal.sql.journal-sequence-retrieval.query-delay = 200ms"))
            // --- end worklist
            .WithFallback(Akka.Persistence.Sql.SqlPersistence.DefaultConfiguration);
        builder
            .AddHocon(full, HoconAddMode.Prepend)
            .AddSetup(PersistenceSetup.DataOptions(settings.Persistence, settings.DataDir))
            .AddStartup((system, _) =>
            {
                // No seed nodes configured: this node is a cluster of one.
                var cluster = Cluster.Get(system);
                if (cluster.Settings.SeedNodes.Count == 0)
                {
                    cluster.Join(cluster.SelfAddress);
                }
            })
            .WithShardRegion<OrderRegionKey>(
                "orders",
                entityId => OrderEntityProps(entityId, settings.OrderSnapshotEvery),
                new OrderMessageExtractor(settings.OrderShards),
                new ShardOptions
                {
                    PassivateIdleEntityAfter = settings.OrderPassivateAfter,
                    RememberEntities = false,
                    StateStoreMode = StateStoreMode.DData,
                })
            .WithSingleton<ExceptionStoreKey>(
                ExceptionStoreActor.Name,
                ExceptionStoreActor.GetProps(time),
                new ClusterSingletonOptions(),
                createProxyToo: true)
            // --- MPPS and studies (issue 4): sharded like orders; a study entity holds the MPPS instances its exams
            // create, answers the modality, and hands each state to its orders (and the other studies of a grouped procedure).
            .WithShardRegion<StudyRegionKey>(
                "studies",
                // No backoff supervisor (unlike orders): nothing restarts a study by itself. A study that a failed
                // journal write stopped comes back with the next request for it (a modality's retry, the hand-over
                // resumer, another study's hand-over with its own backoff), and one actor per exam instead of two
                // is what a busy node creates and stops for every exam (a finished one passivates at once).
                (_, registry) => entityId => StudyEntity.GetProps(entityId, new StudyEntityContext(
                    settings.StudySnapshotEvery,
                    registry.Get<OrderRegionKey>(),
                    registry.Get<StudyRegionKey>(),
                    registry.Get<ExceptionStoreKey>(),
                    modalityDirectory,
                    StudyEntityContext.DefaultHandOverMarkerDelay,
                    settings.MppsForward is not null)),
                new StudyMessageExtractor(settings.OrderShards),
                EntityShardOptions(settings))
            .WithActors((system, registry) =>
            {
                // One reader of order events feeds the order lookup and the worklist index (issue 3: a restart reads
                // the journal once); the DICOM SCP reads the index directly. It polls the journal only once another
                // node is up: alone, this node's own publish is complete.
                var index = system.ActorOf(OrderReadModelActor.GetProps(PersistenceSetup.QueryId, settings.Sites, worklistIndex, JournalTagReader.For(settings.Persistence, settings.DataDir), pollAlways: false), OrderReadModelActor.Name);
                registry.Register<OrderIndexKey>(index);
                registry.Register<WorklistKey>(index);
                var interfaces = system.ActorOf(
                    InterfacesSupervisor.GetProps(settings, registry.Get<OrderRegionKey>(), registry.Get<ExceptionStoreKey>(), endpoints, time, index),
                    "interfaces");
                registry.Register<InterfacesKey>(interfaces);

                // --- DICOM / worklist (issue 3): the read model above writes the shared index, the DICOM SCP reads it.
                var mppsProvider = new MppsProvider(
                    new MppsRouter(registry.Get<StudyRegionKey>(), registry.Get<ExceptionStoreKey>(), mppsIndex, MppsProvider.Timeout),
                    time);
                system.ActorOf(
                    MppsHandOverResumer.GetProps(registry.Get<StudyRegionKey>(), new MppsHandOverScan(journal).PendingAsync),
                    MppsHandOverResumer.Name);
                var srProvider = new Reports.SrStoreProvider(registry.Get<OrderRegionKey>(), index, registry.Get<ExceptionStoreKey>(), modalityDirectory, settings.Sites, time);
                var modalities = system.ActorOf(
                    ModalitiesSupervisor.GetProps(settings.Dicom, modalityDirectory, worklistIndex, endpoints, time, new DicomServiceProviders { NCreate = mppsProvider, NSet = mppsProvider, Store = srProvider }),
                    ModalitiesSupervisor.Name);
                registry.Register<ModalitiesKey>(modalities);
                // --- end DICOM / worklist

                // --- outbound (issue 4): an outbox per HL7 destination, and one for MPPS forwarding when configured.
                var outbound = system.ActorOf(
                    OutboundSupervisor.GetProps(OutboundDefinitions.For(settings, time), registry.Get<ExceptionStoreKey>(), time),
                    OutboundSupervisor.Name);
                registry.Register<OutboundKey>(outbound);
            });
        return builder;
    }

    private static ShardOptions EntityShardOptions(BrokerSettings settings) => new()
    {
        PassivateIdleEntityAfter = settings.OrderPassivateAfter,
        RememberEntities = false,
        StateStoreMode = StateStoreMode.DData,
    };

    /// <summary>An order entity under a backoff supervisor (see <see cref="PersistentBackoff"/>).</summary>
    public static Props OrderEntityProps(string entityId, int snapshotEvery) =>
        PersistentBackoff.Props(OrderEntity.GetProps(entityId, snapshotEvery), "order");

    /// <summary>The broker's JSON serializer bound to every journaled type (the SQLite test kit uses the same).</summary>
    public static Config SerializationHocon => ConfigurationFactory.ParseString($$"""
        akka.actor {
          serializers.broker-json = "{{typeof(BrokerJsonSerializer).AssemblyQualifiedName}}"
          serialization-bindings {
            "ActorBroker.Domain.Orders.IOrderEvent, ActorBroker.Domain" = broker-json
            "ActorBroker.Domain.Orders.OrderSnapshot, ActorBroker.Domain" = broker-json
            "{{typeof(Inbound.InboundAccepted).AssemblyQualifiedName}}" = broker-json
            "{{typeof(Inbound.InboundCheckpoint).AssemblyQualifiedName}}" = broker-json
            "{{typeof(Inbound.InboundLogSnapshot).AssemblyQualifiedName}}" = broker-json
            "{{typeof(ExceptionRaised).AssemblyQualifiedName}}" = broker-json
            "{{typeof(ExceptionRepeated).AssemblyQualifiedName}}" = broker-json
            "{{typeof(Mpps.MppsCreated).AssemblyQualifiedName}}" = broker-json
            "{{typeof(Mpps.MppsUpdated).AssemblyQualifiedName}}" = broker-json
            "{{typeof(Mpps.MppsPropagated).AssemblyQualifiedName}}" = broker-json
            "ActorBroker.Domain.Studies.IStudyEvent, ActorBroker.Domain" = broker-json
            "{{typeof(Domain.Studies.StudySnapshot).AssemblyQualifiedName}}" = broker-json
            "{{typeof(Studies.StudyEntitySnapshot).AssemblyQualifiedName}}" = broker-json
            "{{typeof(Outbound.OutboxEnqueued).AssemblyQualifiedName}}" = broker-json
            "{{typeof(Outbound.OutboxDelivered).AssemblyQualifiedName}}" = broker-json
            "{{typeof(Outbound.OutboxParked).AssemblyQualifiedName}}" = broker-json
            "{{typeof(Outbound.OutboxReleased).AssemblyQualifiedName}}" = broker-json
            "{{typeof(Outbound.OutboxDiscarded).AssemblyQualifiedName}}" = broker-json
            "{{typeof(Outbound.OutboxJournalSnapshot).AssemblyQualifiedName}}" = broker-json
          }
          serialization-identifiers {
            "{{typeof(BrokerJsonSerializer).AssemblyQualifiedName}}" = {{BrokerJsonSerializer.SerializerId}}
          }
        }
        """);
}
