using ActorBroker.Actors;
using ActorBroker.Actors.Exceptions;
using ActorBroker.Actors.Modalities;
using ActorBroker.Actors.Mpps;
using ActorBroker.Actors.Orders;
using ActorBroker.Actors.Persistence;
using ActorBroker.Actors.Settings;
using ActorBroker.Actors.Studies;
using ActorBroker.Actors.Worklist;
using ActorBroker.Domain.Orders;
using ActorBroker.Domain.Worklist;
using Akka.Actor;
using Akka.Hosting;
using Akka.Persistence.Query;
using Akka.Persistence.Sql.Query;
using Akka.Streams;
using Akka.Streams.Dsl;

namespace ActorBroker.Host;

/// <summary>
/// The loopback HTTP API behind abctl. Reads come from read models (order index, exception store)
/// and, for one order, from its entity and its journal history; nothing here changes state yet.
/// </summary>
internal static class ManagementApi
{
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(5);

    public static void Map(WebApplication app)
    {
        app.MapGet("/api/health", Health);
        app.MapGet("/api/orders", ListOrders);
        app.MapGet("/api/orders/{accession}", ShowOrder);
        app.MapGet("/api/exceptions", ListExceptions);
        app.MapGet("/api/exceptions/{id}", ShowException);
        app.MapPost("/api/exceptions/{id}/replay", ReplayException);
        app.MapGet("/api/modalities", ListModalities);
        app.MapGet("/api/modalities/{ae}", ShowModality);
        InterfaceApi.Map(app); // interfaces, outboxes, studies (issue 4)
    }

    private static async Task<IResult> Health(BrokerSettings settings, BrokerEndpoints endpoints, BrokerClock clock, IRequiredActor<OutboundKey> outbound, IRequiredActor<ExceptionStoreKey> store, ActorSystem system)
    {
        var bound = endpoints.Snapshot();
        var components = settings.Hl7Listeners
            .Select(l => new ComponentView("hl7:" + l.Name, bound.ContainsKey("hl7:" + l.Name) ? "listening" : "starting", bound.TryGetValue("hl7:" + l.Name, out var ep) ? ep.ToString() : $"{l.Host}:{l.Port}"))
            .ToList();
        // DICOM SCP (issue 3): the same "listening once it reported its endpoint" as the HL7 listeners.
        components.Add(new ComponentView(
            "dicom",
            bound.ContainsKey("dicom") ? "listening" : "starting",
            bound.TryGetValue("dicom", out var dicom) ? dicom.ToString() : $"{settings.Dicom.Host}:{settings.Dicom.Port}"));
        // Outbound interfaces (issue 4): a destination the broker cannot reach makes the node degraded, so the EHR
        // being down shows at the first glance instead of in a growing queue.
        try
        {
            var outboxes = await outbound.ActorRef.Ask<Actors.Outbound.OutboxStatuses>(new Actors.Outbound.GetOutboxStatuses(), AskTimeout);
            components.AddRange(outboxes.Outboxes.Select(o => new ComponentView("outbound:" + o.Name, o.Connected ? "connected" : o.State, o.Endpoint)));
        }
        catch (AskTimeoutException)
        {
            components.Add(new ComponentView("outbound", "not answering", ""));
        }

        // The exception store (a cluster singleton): where every refused or failed message is kept. Akka's own
        // "singleton not found" warning is off (hocon/akka.conf: it fired at every start and stop), so this says it.
        try
        {
            await store.ActorRef.Ask<ExceptionList>(new ListExceptions(1), TimeSpan.FromSeconds(2));
            components.Add(new ComponentView("exceptions", "ready", ""));
        }
        catch (AskTimeoutException)
        {
            components.Add(new ComponentView("exceptions", "not answering", ""));
        }

        var status = components.All(c => c.Status is "listening" or "connected" or "ready") ? "ok" : "degraded";
        return Results.Json(new
        {
            status,
            node = settings.NodeName,
            version = typeof(ManagementApi).Assembly.GetName().Version?.ToString() ?? "0",
            uptimeSeconds = Math.Round((clock.Time.GetUtcNow() - clock.StartedAt).TotalSeconds, 1),
            journal = PersistenceSetup.IsSqlite(settings.Persistence) ? "sqlite" : "postgresql",
            components,
            cluster = ClusterView(system),
        }, BrokerHost.Json);
    }

    // Which nodes this one sees (a single node lists itself): the first thing to check when a node of a multi-node
    // setup seems to miss orders.
    private static object ClusterView(ActorSystem system)
    {
        var cluster = Akka.Cluster.Cluster.Get(system);
        var state = cluster.State;
        return new
        {
            self = cluster.SelfAddress.ToString(),
            leader = state.Leader?.ToString(),
            members = state.Members.Select(m => new { address = m.Address.ToString(), status = m.Status.ToString() }).ToList(),
            unreachable = state.Unreachable.Select(m => m.Address.ToString()).ToList(),
        };
    }

    private static async Task<IResult> ListOrders(IRequiredActor<OrderIndexKey> index, string? site, string? state, int? limit)
    {
        OrderState? wanted = null;
        if (!string.IsNullOrEmpty(state))
        {
            if (!Enum.TryParse<OrderState>(state, ignoreCase: true, out var parsed))
            {
                return Results.Json(new { error = $"unknown state '{state}'; one of {string.Join(", ", Enum.GetNames<OrderState>())}" }, BrokerHost.Json, statusCode: 400);
            }

            wanted = parsed;
        }

        var list = await index.ActorRef.Ask<OrderList>(new ListOrders(site, wanted, limit ?? 200), AskTimeout);
        return Results.Json(new { orders = list.Orders.Select(OrderViews.Summary).ToList(), total = list.Total }, BrokerHost.Json);
    }

    private static async Task<IResult> ShowOrder(
        string accession,
        string? site,
        IRequiredActor<OrderIndexKey> index,
        IRequiredActor<OrderRegionKey> region,
        BrokerSettings settings,
        ActorSystem system)
    {
        var keys = (await index.ActorRef.Ask<OrderKeys>(new FindOrderKeys(accession, site), AskTimeout)).Keys;
        if (keys.Count == 0)
        {
            // The read model may lag a just-placed order by a refresh interval: ask the entities.
            var candidates = site is not null
                ? [new OrderKey(site, accession)]
                : settings.Sites.Sites.Select(s => new OrderKey(s.SiteId, accession)).ToList();
            var found = new List<OrderKey>();
            foreach (var k in candidates)
            {
                var r = await region.ActorRef.Ask<OrderStateReply>(new GetOrderState(k), AskTimeout);
                if (r.Exists)
                {
                    found.Add(k);
                }
            }

            keys = found;
        }

        if (keys.Count == 0)
        {
            return Results.Json(new { error = $"order {accession} not found" + (site is null ? "" : $" at site {site}") }, BrokerHost.Json, statusCode: 404);
        }

        if (keys.Count > 1)
        {
            return Results.Json(new { error = $"accession {accession} exists at several sites: {string.Join(", ", keys.Select(k => k.Site))}; use --site" }, BrokerHost.Json, statusCode: 409);
        }

        var key = keys[0];
        var reply = await region.ActorRef.Ask<OrderStateReply>(new GetOrderState(key), AskTimeout);
        if (!reply.Exists)
        {
            return Results.Json(new { error = $"order {accession} not found" }, BrokerHost.Json, statusCode: 404);
        }

        var events = await History(system, OrderEntityIds.PersistenceIdFor(key.EntityId), reply.SequenceNr);
        var siteRules = settings.Sites.Get(key.Site);
        var items = siteRules is null ? [] : WorklistProjection.ItemsFor(reply.Snapshot, siteRules);
        return Results.Json(OrderViews.Detail(reply.Snapshot, items, events), BrokerHost.Json);
    }

    // Up to the snapshot's last event, so that the state and its history shown together agree.
    private static async Task<IReadOnlyList<EventEnvelope>> History(ActorSystem system, string persistenceId, long toSequenceNr)
    {
        var journal = PersistenceQuery.Get(system).ReadJournalFor<SqlReadJournal>(PersistenceSetup.QueryId);
        return await journal.CurrentEventsByPersistenceId(persistenceId, 0, toSequenceNr)
            .RunWith(Sink.Seq<EventEnvelope>(), system.Materializer());
    }

    private static async Task<IResult> ListExceptions(IRequiredActor<ExceptionStoreKey> store, int? limit)
    {
        var list = await store.ActorRef.Ask<ExceptionList>(new ListExceptions(limit ?? 100), AskTimeout);
        return Results.Json(new { exceptions = list.Exceptions.Select(ExceptionViews.Summary).ToList(), total = list.Total }, BrokerHost.Json);
    }

    private static async Task<IResult> ShowException(string id, IRequiredActor<ExceptionStoreKey> store)
    {
        var lookup = await store.ActorRef.Ask<ExceptionLookup>(new GetException(id), AskTimeout);
        return lookup.Record is null
            ? Results.Json(new { error = $"exception {id} not found" }, BrokerHost.Json, statusCode: 404)
            : Results.Json(ExceptionViews.Detail(lookup.Record), BrokerHost.Json);
    }

    private static async Task<IResult> ReplayException(
        string id,
        IRequiredActor<ExceptionStoreKey> store,
        IRequiredActor<OrderRegionKey> orders,
        IRequiredActor<StudyRegionKey> studies,
        IRequiredActor<OrderIndexKey> index,
        MppsStudyIndex mppsIndex,
        BrokerSettings settings,
        BrokerClock clock,
        CancellationToken ct)
    {
        var lookup = await store.ActorRef.Ask<ExceptionLookup>(new GetException(id), AskTimeout, ct);
        if (lookup.Record is null)
        {
            return Results.Json(new { error = $"exception {id} not found" }, BrokerHost.Json, statusCode: 404);
        }

        // Through the node's own instance index, as the modalities' requests go.
        var router = new MppsRouter(studies.ActorRef, store.ActorRef, mppsIndex, MppsProvider.Timeout);
        var outcome = await new ExceptionReplayer(orders.ActorRef, router, index.ActorRef, settings.Sites, clock.Time).ReplayAsync(lookup.Record, ct);
        return Results.Json(new { id, outcome = outcome.Outcome, detail = outcome.Detail }, BrokerHost.Json);
    }

    private static async Task<IResult> ListModalities(IRequiredActor<ModalitiesKey> modalities, IRequiredActor<WorklistKey> worklist, string? site)
    {
        var list = await modalities.ActorRef.Ask<ModalityList>(GetModalities.Instance, AskTimeout);
        var status = await worklist.ActorRef.Ask<WorklistStatus>(GetWorklistStatus.Instance, AskTimeout);
        return Results.Json(new
        {
            scp = list.Scp,
            worklist = ModalityViews.Worklist(status),
            modalities = list.Modalities
                .Where(m => string.IsNullOrEmpty(site) || string.Equals(m.Site, site, StringComparison.OrdinalIgnoreCase))
                .Select(ModalityViews.Modality)
                .ToList(),
            unknownCallers = list.UnknownCallers,
        }, BrokerHost.Json);
    }

    private static async Task<IResult> ShowModality(string ae, IRequiredActor<ModalitiesKey> modalities)
    {
        var reply = await modalities.ActorRef.Ask<object>(new GetModality(ae), AskTimeout);
        return reply is ModalityStatus m
            ? Results.Json(ModalityViews.Modality(m), BrokerHost.Json)
            : Results.Json(new { error = $"modality {ae} is not configured (AE titles are case-sensitive)" }, BrokerHost.Json, statusCode: 404);
    }

    private sealed record ComponentView(string Name, string Status, string Endpoint);
}
