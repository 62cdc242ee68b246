using ActorBroker.Actors.Exceptions;
using ActorBroker.Actors.Interfaces;
using ActorBroker.Actors.Orders;
using ActorBroker.Actors.Persistence;
using ActorBroker.Actors.Serialization;
using ActorBroker.Actors.Settings;
using Akka.Actor;
using Akka.Cluster;
using Akka.Cluster.Hosting;
using Akka.Cluster.Sharding;
using Akka.Configuration;
using Akka.Hosting;
using Akka.Pattern;

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
        TimeProvider time)
    {
        PersistenceSetup.PrepareDatabase(settings.Persistence, settings.DataDir);
        builder
            .AddHocon(config, HoconAddMode.Prepend)
            .AddHocon(PersistenceSetup.Hocon(settings.Persistence, settings.DataDir), HoconAddMode.Prepend)
            .AddHocon(SerializationHocon, HoconAddMode.Prepend)
            .AddHocon(Akka.Persistence.Sql.SqlPersistence.DefaultConfiguration, HoconAddMode.Append)
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
                entityId => OrderEntityProps(entityId, settings.Persistence.SnapshotEvery),
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
            .WithActors((system, registry) =>
            {
                var index = system.ActorOf(OrderIndexActor.GetProps(PersistenceSetup.QueryId), OrderIndexActor.Name);
                registry.Register<OrderIndexKey>(index);
                var interfaces = system.ActorOf(
                    InterfacesSupervisor.GetProps(settings, registry.Get<OrderRegionKey>(), registry.Get<ExceptionStoreKey>(), endpoints, time),
                    "interfaces");
                registry.Register<InterfacesKey>(interfaces);
            });
        return builder;
    }

    /// <summary>
    /// An order entity under a backoff supervisor: a failed persist stops a persistent actor, and
    /// restarting it at once against a journal that is down would spin; backoff spaces the retries.
    /// </summary>
    public static Props OrderEntityProps(string entityId, int snapshotEvery) =>
        BackoffSupervisor.Props(
            Backoff.OnStop(
                OrderEntity.GetProps(entityId, snapshotEvery),
                childName: "order",
                minBackoff: TimeSpan.FromMilliseconds(200),
                maxBackoff: TimeSpan.FromSeconds(10),
                randomFactor: 0.2,
                maxNrOfRetries: -1));

    private static Config SerializationHocon => ConfigurationFactory.ParseString($$"""
        akka.actor {
          serializers.broker-json = "{{typeof(BrokerJsonSerializer).AssemblyQualifiedName}}"
          serialization-bindings {
            "ActorBroker.Domain.Orders.IOrderEvent, ActorBroker.Domain" = broker-json
            "ActorBroker.Domain.Orders.OrderSnapshot, ActorBroker.Domain" = broker-json
            "{{typeof(ExceptionRaised).AssemblyQualifiedName}}" = broker-json
            "{{typeof(ExceptionRepeated).AssemblyQualifiedName}}" = broker-json
          }
          serialization-identifiers {
            "{{typeof(BrokerJsonSerializer).AssemblyQualifiedName}}" = {{BrokerJsonSerializer.SerializerId}}
          }
        }
        """);
}
