using System.Text;
using System.Text.Json;
using ActorBroker.Cli.CommandLine;
using ActorBroker.Cli.Output;

namespace ActorBroker.Cli.Commands;

/// <summary>What a command handler gets: its parsed line, the API client and the two writers.</summary>
internal sealed class CommandContext(
    ParsedCommand command,
    ManagementClient client,
    TextWriter output,
    TextWriter error,
    CancellationToken cancellationToken)
{
    public ParsedCommand Command { get; } = command;

    public ManagementClient Client { get; } = client;

    public TextWriter Out { get; } = output;

    public TextWriter Error { get; } = error;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    public bool Json => Command.Globals.Json;

    public string Argument(string name) => Command.Argument(name);

    public string? Option(OptionSpec option) => Command.Option(option);

    /// <summary>GET a collection or status document; it must be a JSON object.</summary>
    public async Task<JsonElement> GetDocumentAsync(string pathAndQuery)
    {
        var body = await Client.GetAsync(pathAndQuery, notFound: null, CancellationToken);
        return body is { ValueKind: JsonValueKind.Object } root
            ? root
            : throw CliException.Unavailable($"ActorBroker management endpoint at {Client.Endpoint} answered /{pathAndQuery} without a JSON object");
    }

    /// <summary>
    /// GET one named thing. A 404, an empty body, JSON null or an empty object all mean
    /// "not found" (exit 1) with <paramref name="notFound"/> as the fallback message.
    /// </summary>
    public async Task<JsonElement> GetLookupAsync(string pathAndQuery, string notFound)
    {
        var body = await Client.GetAsync(pathAndQuery, notFound, CancellationToken);
        if (body is not { ValueKind: JsonValueKind.Object } root || !root.EnumerateObject().Any())
        {
            throw CliException.NotFound(notFound);
        }

        return root;
    }

    /// <summary>
    /// POST an action on one named thing (retry, discard, replay). A 404 means "not found" (exit 1)
    /// with <paramref name="notFound"/> as the fallback message; a 409 is a refusal (exit 4).
    /// Returns the answer, or null when the broker answered 2xx without a JSON object.
    /// </summary>
    public async Task<JsonElement?> PostAsync(string path, string notFound)
    {
        var body = await Client.PostAsync(path, notFound, CancellationToken);
        return body is { ValueKind: JsonValueKind.Object } root ? root : null;
    }

    /// <summary>The array property <paramref name="name"/> of a list answer; its absence is a broken answer.</summary>
    public JsonElement RequireArray(JsonElement document, string name) =>
        document.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array
            ? array
            : throw CliException.Unavailable($"ActorBroker management endpoint at {Client.Endpoint} answered without the '{name}' list");

    public void WriteJson(JsonElement element) => JsonOutput.Write(Out, element);

    public static string Path(string template, params string[] segments)
    {
        var escaped = segments.Select(s => (object)Uri.EscapeDataString(s)).ToArray();
        return string.Format(System.Globalization.CultureInfo.InvariantCulture, template, escaped);
    }

    /// <summary>"api/orders" plus the non-null parameters as an escaped query string.</summary>
    public static string Query(string path, params (string Name, string? Value)[] parameters)
    {
        var builder = new StringBuilder(path);
        var separator = '?';
        foreach (var (name, value) in parameters)
        {
            if (value is null)
            {
                continue;
            }

            builder.Append(separator).Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
            separator = '&';
        }

        return builder.ToString();
    }
}
