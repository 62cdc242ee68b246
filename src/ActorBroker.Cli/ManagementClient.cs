using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json;

namespace ActorBroker.Cli;

/// <summary>
/// GETs JSON from the broker's management API (and POSTs the few actions it offers) and turns every failure into a
/// <see cref="CliException"/> with an operator-readable message and the right exit code.
/// </summary>
internal sealed class ManagementClient : IDisposable
{
    private readonly HttpClient _http;

    public ManagementClient(BrokerEndpoint endpoint, HttpMessageHandler? handler, TimeSpan timeout)
    {
        Endpoint = endpoint;
        Timeout = timeout;
        _http = handler is null
            // The API is on loopback or the broker's LAN: an HTTP(S)_PROXY meant for the internet must not apply.
            ? new HttpClient(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false }, disposeHandler: true)
            : new HttpClient(handler, disposeHandler: false);
        _http.BaseAddress = endpoint.BaseUri;
        _http.Timeout = timeout;
        _http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        _http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("abctl", Version));
    }

    public BrokerEndpoint Endpoint { get; }

    public TimeSpan Timeout { get; }

    private static string Version => typeof(ManagementClient).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    /// <summary>
    /// GET <paramref name="pathAndQuery"/> (relative, e.g. "api/orders?site=A"). Returns the JSON
    /// body, or null when a 2xx answer has no body or the body is JSON null.
    /// </summary>
    /// <param name="notFound">
    /// For one named thing (an order, an exception): the message for a 404 without an error text;
    /// a 404 then means "not found" (exit 1). Null for a collection or health, where a 404 means the
    /// endpoint is not an ActorBroker management API (exit 3).
    /// </param>
    public Task<JsonElement?> GetAsync(string pathAndQuery, string? notFound, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, pathAndQuery, notFound, cancellationToken);

    /// <summary>
    /// POST without a body to an action path ("api/interfaces/ehr/messages/42/retry"). As
    /// <see cref="GetAsync"/> for one named thing, except that a 409 is the broker refusing the
    /// action in the thing's current state (exit 4), not a usage error.
    /// </summary>
    public Task<JsonElement?> PostAsync(string path, string notFound, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, path, notFound, cancellationToken);

    public void Dispose() => _http.Dispose();

    private async Task<JsonElement?> SendAsync(HttpMethod method, string pathAndQuery, string? notFound, CancellationToken cancellationToken)
    {
        var action = method != HttpMethod.Get;
        HttpStatusCode status;
        string? reason;
        byte[] body;
        try
        {
            using var request = new HttpRequestMessage(method, new Uri(pathAndQuery, UriKind.Relative));
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
            status = response.StatusCode;
            reason = response.ReasonPhrase;
            body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw CliException.Unavailable($"cannot reach ActorBroker management endpoint at {Endpoint}: {Describe(ex)}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // A POST that got no answer may still have been carried out by the broker: say so.
            throw CliException.Unavailable(
                $"cannot reach ActorBroker management endpoint at {Endpoint}: no answer within {Timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s"
                + (action ? "; the broker may still have carried out the request" : ""));
        }

        var code = (int)status;
        if (code is >= 200 and < 300)
        {
            return ParseBody(body, pathAndQuery);
        }

        var error = ErrorText(body);
        if (status == HttpStatusCode.NotFound && notFound is not null)
        {
            throw CliException.NotFound(error ?? notFound);
        }

        var statusText = $"HTTP {code.ToString(CultureInfo.InvariantCulture)}{(string.IsNullOrEmpty(reason) ? "" : " " + reason)}";
        if (action && status == HttpStatusCode.Conflict)
        {
            throw CliException.Refused(error ?? $"the broker refused /{StripQuery(pathAndQuery)}: {statusText}");
        }

        if (status is HttpStatusCode.BadRequest or HttpStatusCode.Conflict or HttpStatusCode.UnprocessableEntity
            && error is not null)
        {
            throw CliException.Rejected(error);
        }

        if (status is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed)
        {
            throw CliException.Unavailable(
                $"ActorBroker management endpoint at {Endpoint} answered {statusText} for /{StripQuery(pathAndQuery)}; is this an ActorBroker management port, and is the broker recent enough?");
        }

        throw CliException.Unavailable(
            $"ActorBroker management endpoint at {Endpoint} failed: {statusText}{(error is null ? "" : ": " + error)}");
    }

    private JsonElement? ParseBody(byte[] body, string pathAndQuery)
    {
        var span = body.AsSpan();
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            span = span[3..];
        }

        if (span.Trim((ReadOnlySpan<byte>)[(byte)' ', (byte)'\t', (byte)'\r', (byte)'\n']).IsEmpty)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(span.ToArray());
            return document.RootElement.ValueKind == JsonValueKind.Null ? null : document.RootElement.Clone();
        }
        catch (JsonException)
        {
            throw CliException.Unavailable(
                $"ActorBroker management endpoint at {Endpoint} answered /{StripQuery(pathAndQuery)} with something that is not JSON");
        }
    }

    // The API's error bodies are {"error":"..."}; anything else yields no text.
    private static string? ErrorText(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("error", out var error)
                && error.ValueKind == JsonValueKind.String
                && !string.IsNullOrWhiteSpace(error.GetString())
                ? error.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string StripQuery(string pathAndQuery)
    {
        var q = pathAndQuery.IndexOf('?', StringComparison.Ordinal);
        return q < 0 ? pathAndQuery : pathAndQuery[..q];
    }

    private static string Describe(HttpRequestException ex)
    {
        for (Exception? inner = ex; inner is not null; inner = inner.InnerException)
        {
            if (inner is SocketException socket)
            {
                return socket.SocketErrorCode switch
                {
                    SocketError.ConnectionRefused => "connection refused",
                    SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain => "host not found",
                    SocketError.TimedOut => "connection timed out",
                    SocketError.NetworkUnreachable or SocketError.NetworkDown => "network unreachable",
                    SocketError.HostUnreachable => "host unreachable",
                    SocketError.ConnectionReset or SocketError.ConnectionAborted => "connection reset",
                    SocketError.AccessDenied => "access denied",
                    _ => socket.Message,
                };
            }
        }

        return ex.HttpRequestError switch
        {
            HttpRequestError.NameResolutionError => "host not found",
            HttpRequestError.ConnectionError => "connection failed",
            HttpRequestError.ResponseEnded => "the connection closed before a full response arrived",
            HttpRequestError.InvalidResponse => "the answer is not HTTP (is this the management port?)",
            HttpRequestError.SecureConnectionError => "TLS handshake failed (the management API speaks plain http)",
            _ => ex.Message,
        };
    }
}
