using System.Net;
using System.Text.Json;

namespace ActorBroker.Interop.Tests.Harness;

/// <summary>
/// The broker's management HTTP API (what abctl reads): GET /api/orders/{accession},
/// /api/orders, /api/exceptions, /api/exceptions/{id}, /api/health. Answers are JSON elements;
/// the shapes are in src/ActorBroker.Host/OrderViews.cs and ExceptionViews.cs.
/// </summary>
internal sealed class BrokerApi : IDisposable
{
    private readonly HttpClient _http;

    public BrokerApi(string endpoint)
    {
        _http = new HttpClient(new SocketsHttpHandler { UseProxy = false })
        {
            BaseAddress = new Uri($"http://{endpoint}/"),
            Timeout = TimeSpan.FromSeconds(30),
        };
    }

    /// <summary>One order with its worklist items and event history; null when the broker says 404.</summary>
    public async Task<JsonElement?> OrderOrNullAsync(string accession, string? site = null)
    {
        var path = "api/orders/" + Uri.EscapeDataString(accession) + (site is null ? "" : "?site=" + Uri.EscapeDataString(site));
        var (status, body) = await GetAsync(path);
        return status switch
        {
            HttpStatusCode.OK => body,
            HttpStatusCode.NotFound => null,
            _ => throw new HttpRequestException($"GET {path}: {(int)status} {body}"),
        };
    }

    /// <summary>{ orders: [summary...], total }.</summary>
    public Task<JsonElement> OrdersAsync(string? site = null, int limit = 100_000) =>
        GetOkAsync($"api/orders?limit={limit}" + (site is null ? "" : "&site=" + Uri.EscapeDataString(site)));

    /// <summary>{ exceptions: [summary...], total }, newest first.</summary>
    public Task<JsonElement> ExceptionsAsync(int limit = 10_000) => GetOkAsync($"api/exceptions?limit={limit}");

    /// <summary>One exception record with rawBase64 / rawText.</summary>
    public Task<JsonElement> ExceptionAsync(string id) => GetOkAsync("api/exceptions/" + Uri.EscapeDataString(id));

    public Task<JsonElement> HealthAsync() => GetOkAsync("api/health");

    /// <summary>Any GET of the management API; null on 404.</summary>
    public async Task<JsonElement?> GetOrNullAsync(string path)
    {
        var (status, body) = await GetAsync(path);
        return status switch
        {
            HttpStatusCode.OK => body,
            HttpStatusCode.NotFound => null,
            _ => throw new HttpRequestException($"GET {path}: {(int)status} {body}"),
        };
    }

    /// <summary>One interface (inbound listener or outbound destination) with its waiting messages.</summary>
    public async Task<JsonElement> InterfaceAsync(string name) =>
        await GetOrNullAsync("api/interfaces/" + Uri.EscapeDataString(name)) ?? throw new HttpRequestException("no interface " + name);

    /// <summary>
    /// Polls one order until <paramref name="until"/> holds (the inbound log applies an order after
    /// its AA, so a just-ACKed message may show a moment later); fails with the last answer.
    /// </summary>
    public async Task<JsonElement> WaitForOrderAsync(string accession, string? site, Func<JsonElement, bool> until, string expectation, TimeSpan? within = null)
    {
        var found = await Eventually.MatchesAsync(
            () => OrderOrNullAsync(accession, site),
            o => o is { } order && until(order),
            last => $"order {accession}{(site is null ? "" : "@" + site)} expected {expectation}; last answer: {(last is { } o ? o.GetRawText() : "404")}",
            within);
        return found!.Value;
    }

    /// <summary>Polls the exception store until a record matches; returns its detail (with the raw message).</summary>
    public async Task<JsonElement> WaitForExceptionAsync(Func<JsonElement, bool> summaryMatches, Func<JsonElement, bool> detailMatches, string expectation, TimeSpan? within = null)
    {
        string seen = "";
        var found = await Eventually.MatchesAsync<JsonElement?>(
            async () =>
            {
                var list = await ExceptionsAsync();
                seen = list.GetRawText();
                foreach (var summary in list.GetProperty("exceptions").EnumerateArray().Where(summaryMatches))
                {
                    var detail = await ExceptionAsync(summary.GetProperty("id").GetString()!);
                    if (detailMatches(detail))
                    {
                        return detail;
                    }
                }

                return null;
            },
            found => found is not null,
            _ => $"an exception record {expectation}; the store holds: {seen}",
            within);
        return found!.Value;
    }

    public void Dispose() => _http.Dispose();

    private async Task<JsonElement> GetOkAsync(string path)
    {
        var (status, body) = await GetAsync(path);
        return status == HttpStatusCode.OK ? body : throw new HttpRequestException($"GET {path}: {(int)status} {body}");
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(string path)
    {
        using var response = await _http.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        try
        {
            return (response.StatusCode, JsonSerializer.Deserialize<JsonElement>(text));
        }
        catch (JsonException)
        {
            // Not the API's JSON (a 5xx while the broker starts, say): the caller may ask again.
            throw new HttpRequestException($"GET {path}: {(int)response.StatusCode} {text}");
        }
    }
}
