using System.Net;
using System.Text;

namespace ActorBroker.Cli.Tests.Support;

/// <summary>An HttpMessageHandler that answers canned responses by path and query, and records what it was asked.</summary>
internal sealed class FakeHandler : HttpMessageHandler
{
    private readonly Dictionary<string, Func<HttpResponseMessage>> _routes = new(StringComparer.Ordinal);

    public List<HttpRequestMessage> Requests { get; } = [];

    /// <summary>Answers <paramref name="pathAndQuery"/> (e.g. "/api/orders?site=A") with JSON.</summary>
    public FakeHandler On(string pathAndQuery, string json, HttpStatusCode status = HttpStatusCode.OK)
    {
        _routes[pathAndQuery] = () => new HttpResponseMessage(status)
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        return this;
    }

    public FakeHandler On(string pathAndQuery, Func<HttpResponseMessage> respond)
    {
        _routes[pathAndQuery] = respond;
        return this;
    }

    public Uri? LastUri => Requests.Count == 0 ? null : Requests[^1].RequestUri;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Add(request);
        var key = request.RequestUri!.PathAndQuery;
        return Task.FromResult(_routes.TryGetValue(key, out var respond)
            ? respond()
            : new HttpResponseMessage(HttpStatusCode.NotFound) { Content = new StringContent("") });
    }
}
