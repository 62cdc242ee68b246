using System.Net;
using ActorBroker.Actors;
using ActorBroker.Actors.Settings;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace ActorBroker.Host.Tests;

/// <summary>The whole broker in this process: real listeners on 127.0.0.1 port 0, SQLite in a temp folder.</summary>
internal sealed class InProcessBroker : IAsyncDisposable
{
    private readonly WebApplication _app;

    private InProcessBroker(WebApplication app, string dataDir, IPEndPoint hl7, IPEndPoint management, IPEndPoint dicom)
    {
        _app = app;
        DataDir = dataDir;
        Hl7Orders = hl7;
        Management = management;
        Dicom = dicom;
    }

    public string DataDir { get; }

    public IPEndPoint Hl7Orders { get; }

    public IPEndPoint Management { get; }

    /// <summary>The DICOM SCP (MWL C-FIND, C-ECHO), AE title ACTORBROKER.</summary>
    public IPEndPoint Dicom { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<InProcessBroker> StartAsync(string? dataDir = null, params string[] settings)
    {
        dataDir ??= Path.Combine(Path.GetTempPath(), "ab-host-" + Guid.NewGuid().ToString("N"));
        var overrides = new List<string>
        {
            $"actor-broker.data-dir = \"{dataDir}\"",
            "actor-broker.hl7.listeners.orders.port = 0",
            "actor-broker.hl7.listeners.reports.port = 0",
            "actor-broker.management.port = 0",
            "actor-broker.dicom.port = 0",
        };
        overrides.AddRange(settings);
        var options = new HostOptions([], overrides, null, false);
        var app = BrokerHost.Build(options);
        await app.StartAsync();
        var endpoints = app.Services.GetRequiredService<BrokerEndpoints>();
        var hl7 = await endpoints.WaitAsync("hl7:orders").WaitAsync(TimeSpan.FromSeconds(30));
        var mgmt = await endpoints.WaitAsync("management").WaitAsync(TimeSpan.FromSeconds(30));
        var dicom = await endpoints.WaitAsync("dicom").WaitAsync(TimeSpan.FromSeconds(30));
        return new InProcessBroker(app, dataDir, hl7, mgmt, dicom);
    }

    public BrokerSettings Settings => _app.Services.GetRequiredService<BrokerSettings>();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
