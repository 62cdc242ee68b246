using ActorBroker.Cli.CommandLine;
using ActorBroker.Cli.Output;

namespace ActorBroker.Cli.Commands;

/// <summary><c>abctl health</c>: GET /api/health.</summary>
internal static class HealthCommand
{
    public static CommandSpec Spec { get; } = new(
        Name: "health",
        Summary: "Show broker status: node, version, uptime, journal, listener components and cluster members",
        Arguments: [],
        Options: [],
        Handler: RunAsync,
        Details: "Status is 'ok' when every listener is up, 'degraded' otherwise; both exit 0 (use --json to script on it).");

    private static async Task<int> RunAsync(CommandContext context)
    {
        var health = await context.GetDocumentAsync("api/health");
        if (context.Json)
        {
            context.WriteJson(health);
            return ExitCodes.Ok;
        }

        var uptime = health.Number("uptimeSeconds");
        new KeyValueWriter()
            .Add("Status", health.Text("status"))
            .Add("Node", health.Text("node"))
            .Add("Version", health.Text("version"))
            .Add("Uptime", uptime is null ? null : Formats.Duration(uptime.Value))
            .Add("Journal", health.Text("journal"))
            .Add("Endpoint", context.Client.Endpoint.ToString())
            .Write(context.Out);

        var components = new TableWriter("Component", "Status", "Endpoint");
        foreach (var component in health.Items("components"))
        {
            components.AddRow(component.Text("name"), component.Text("status"), component.Text("endpoint"));
        }

        context.Out.WriteLine();
        if (components.RowCount == 0)
        {
            context.Out.WriteLine("no components reported");
        }
        else
        {
            components.Write(context.Out);
        }

        // The cluster as this node sees it (brokers from session 4 on): which nodes are members, which is the leader,
        // which are unreachable. A single node lists itself.
        var cluster = health.Object("cluster");
        var members = new TableWriter("Member", "Status", "Role");
        var self = cluster.Text("self");
        var leader = cluster.Text("leader");
        var unreachable = cluster.Items("unreachable").Select(u => u.GetString()).ToHashSet(StringComparer.Ordinal);
        foreach (var member in cluster.Items("members"))
        {
            var address = member.Text("address");
            var role = string.Join(", ", new[] { address == self ? "this node" : null, address == leader ? "leader" : null }.OfType<string>());
            members.AddRow(address, unreachable.Contains(address) ? "Unreachable" : member.Text("status"), role.Length == 0 ? null : role);
        }

        if (members.RowCount > 0)
        {
            context.Out.WriteLine();
            members.Write(context.Out);
        }

        return ExitCodes.Ok;
    }
}
