using ActorBroker.Host.Launch;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ActorBroker.Host.Tests.Launch;

/// <summary>
/// The /launch endpoint alone on a real Kestrel listener (127.0.0.1, port 0), with a clock the test moves and a
/// study UID lookup answering from a dictionary, and an HttpClient that does not follow redirects.
/// </summary>
internal sealed class LaunchHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LaunchHost(WebApplication app, HttpClient client, CapturedLogs logs)
    {
        _app = app;
        Client = client;
        Logs = logs;
    }

    public HttpClient Client { get; }

    public CapturedLogs Logs { get; }

    public static async Task<LaunchHost> StartAsync(LaunchSettings settings, TimeProvider time, IStudyUidLookup? lookup)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var logs = new CapturedLogs();
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(logs);
        // As BrokerHost does: ASP.NET Core logs "Request starting <URL with query>" at Information, and a launch
        // URL carries the accession and patient ID (LaunchBrokerTests checks the broker's own logging).
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        var app = builder.Build();
        LaunchEndpoint.Map(app, settings, time, lookup, app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("launch"));
        await app.StartAsync();
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false })
        {
            BaseAddress = new Uri(app.Urls.Single()),
        };
        return new LaunchHost(app, client, logs);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
