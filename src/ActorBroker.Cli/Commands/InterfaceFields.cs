using System.Text.Json;
using ActorBroker.Cli.CommandLine;
using ActorBroker.Cli.Output;

namespace ActorBroker.Cli.Commands;

/// <summary>What the interface commands share: argument names and the renderings of an interface's fields.</summary>
internal static class InterfaceFields
{
    public const string Name = "NAME";
    public const string MessageId = "ID";

    /// <summary>
    /// Error texts from a receiver (an AE with the whole ERR segment) can be long; tables show this
    /// many columns of them, <c>interface show</c> the whole text in its header.
    /// </summary>
    public const int ErrorColumns = 60;

    public static readonly ArgumentSpec NameArgument = new(Name, "The interface name (from 'interface list', e.g. ehr)");

    public static readonly ArgumentSpec MessageArgument = new(MessageId, "The message id (from 'interface show', e.g. ehr-000000000042)");

    /// <summary>"yes" / "no", or null when the broker does not say.</summary>
    public static string? Connected(JsonElement item) => JsonFields.YesNo(item.Bool("connected"));

    /// <summary>"yes (2 connections)" when the broker also reports how many.</summary>
    public static string? ConnectedWithCount(JsonElement item)
    {
        var connected = Connected(item);
        var connections = item.Number("connections");
        return connected is null || connections is not { } n || n != Math.Floor(n) || n < 0 || n > int.MaxValue
            ? connected
            : $"{connected} ({JsonFields.Count((int)n, "connection", "connections")})";
    }

    /// <summary>Age of the oldest waiting message as "12s" / "3m 04s"; null when nothing waits.</summary>
    public static string? Oldest(JsonElement item) =>
        item.Number("oldestMessageAgeSeconds") is { } seconds ? Formats.Duration(seconds) : null;

    /// <summary>"api/interfaces/{name}/messages/{id}/{action}", each part escaped.</summary>
    public static string MessageAction(string name, string id, string action) =>
        CommandContext.Path("api/interfaces/{0}/messages/{1}/", name, id) + Uri.EscapeDataString(action);
}
