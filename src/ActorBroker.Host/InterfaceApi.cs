using ActorBroker.Actors;
using ActorBroker.Actors.Interfaces;
using ActorBroker.Actors.Orders;
using ActorBroker.Actors.Outbound;
using ActorBroker.Actors.Studies;
using Akka.Actor;
using Akka.Hosting;

namespace ActorBroker.Host;

/// <summary>
/// Management API for interfaces (inbound HL7 listeners and outbound destinations with their outboxes) and
/// studies: GET /api/interfaces, GET /api/interfaces/{name}, POST /api/interfaces/{name}/messages/{id}/retry and
/// .../discard, GET /api/studies/{uid}. The two POSTs are the operator's hands on a parked message.
/// </summary>
internal static class InterfaceApi
{
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(5);

    public static void Map(WebApplication app)
    {
        app.MapGet("/api/interfaces", List);
        app.MapGet("/api/interfaces/{name}", Show);
        app.MapPost("/api/interfaces/{name}/messages/{id}/retry", (string name, string id, IRequiredActor<OutboundKey> outbound) => Operate(name, id, new RetryOutboxMessage(id), outbound));
        app.MapPost("/api/interfaces/{name}/messages/{id}/discard", (string name, string id, IRequiredActor<OutboundKey> outbound) => Operate(name, id, new DiscardOutboxMessage(id), outbound));
        app.MapGet("/api/studies/{uid}", ShowStudy);
    }

    private static async Task<IResult> List(IRequiredActor<InterfacesKey> inbound, IRequiredActor<OutboundKey> outbound)
    {
        var views = await AllAsync(inbound, outbound, withMessages: false);
        return Results.Json(new { interfaces = views.Select(v => v.Summary).ToList() }, BrokerHost.Json);
    }

    private static async Task<IResult> Show(string name, IRequiredActor<InterfacesKey> inbound, IRequiredActor<OutboundKey> outbound)
    {
        var views = await AllAsync(inbound, outbound, withMessages: true);
        var match = views.FirstOrDefault(v => string.Equals(v.Name, name, StringComparison.OrdinalIgnoreCase));
        return match is null
            ? Results.Json(new { error = $"no interface {name}; see abctl interface list" }, BrokerHost.Json, statusCode: 404)
            : Results.Json(match.Detail, BrokerHost.Json);
    }

    private static async Task<IResult> Operate(string name, string id, object command, IRequiredActor<OutboundKey> outbound)
    {
        var reply = await outbound.ActorRef.Ask<object>(new ToOutbox(name, command), AskTimeout);
        return reply is OutboxCommandReply { Found: true } r
            ? Results.Json(new { id = r.Id, state = r.State }, BrokerHost.Json)
            : Results.Json(new { error = $"no message {id} waiting in outbound interface {name}" }, BrokerHost.Json, statusCode: 404);
    }

    private static async Task<IResult> ShowStudy(string uid, IRequiredActor<StudyRegionKey> studies, IRequiredActor<OrderRegionKey> orders)
    {
        var reply = await studies.ActorRef.Ask<StudyStateReply>(new GetStudyState(uid), AskTimeout);
        if (!reply.Exists)
        {
            return Results.Json(new { error = $"study {uid} not known (no MPPS or report has named it)" }, BrokerHost.Json, statusCode: 404);
        }

        // Each order's own entity says its state (the study only knows which orders it fulfils); one that does not
        // answer in time shows no state rather than failing the whole view.
        var states = await Task.WhenAll(reply.Snapshot.Orders.Select(async key =>
        {
            try
            {
                var order = await orders.ActorRef.Ask<OrderStateReply>(new GetOrderState(key), AskTimeout);
                return (key, state: order.Exists ? order.Snapshot.State.ToString() : null);
            }
            catch (AskTimeoutException)
            {
                return (key, state: (string?)null);
            }
        }));
        return Results.Json(StudyViews.Detail(reply.Snapshot, states.ToDictionary(s => s.key, s => s.state)), BrokerHost.Json);
    }

    private static async Task<IReadOnlyList<InterfaceView>> AllAsync(IRequiredActor<InterfacesKey> inbound, IRequiredActor<OutboundKey> outbound, bool withMessages)
    {
        var inTask = inbound.ActorRef.Ask<InterfaceStatuses>(new GetInterfaceStatus(), AskTimeout);
        var outTask = outbound.ActorRef.Ask<OutboxStatuses>(new GetOutboxStatuses(withMessages), AskTimeout);
        var ins = await inTask;
        var outs = await outTask;
        var views = ins.Interfaces.Select(InterfaceView.Inbound).ToList();
        views.AddRange(outs.Outboxes.Select(o => InterfaceView.Outbound(o, withMessages)));
        return views;
    }
}
