using System.Net;
using System.Text;

namespace ActorBroker.Cli.Tests.Support;

/// <summary>An HttpMessageHandler that answers canned responses by path and query, and records what it was asked.</summary>
internal sealed class FakeHandler : HttpMessageHandler
{
    private const string Post = "POST ";
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

    /// <summary>
    /// Answers only a POST to <paramref name="path"/>; a GET there stays a 404 (and a POST to a
    /// path registered with <see cref="On(string, string, HttpStatusCode)"/> is a 405), so a test
    /// fails if abctl uses the wrong method.
    /// </summary>
    public FakeHandler OnPost(string path, string json, HttpStatusCode status = HttpStatusCode.OK)
    {
        _routes[Post + path] = () => new HttpResponseMessage(status)
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        return this;
    }
    public Uri? LastUri => Requests.Count == 0 ? null : Requests[^1].RequestUri;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Add(request);
        var key = request.RequestUri!.PathAndQuery;
        if (request.Method == HttpMethod.Post)
        {
            return Task.FromResult(_routes.TryGetValue(Post + key, out var action)
                ? action()
                : new HttpResponseMessage(_routes.ContainsKey(key) ? HttpStatusCode.MethodNotAllowed : HttpStatusCode.NotFound) { Content = new StringContent("") });
        }

        return Task.FromResult(_routes.TryGetValue(key, out var respond)
            ? respond()
            : new HttpResponseMessage(HttpStatusCode.NotFound) { Content = new StringContent("") });
    }
}
