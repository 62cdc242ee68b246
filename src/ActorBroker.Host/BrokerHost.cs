using System.Text.Encodings.Web;
using System.Text.Json;
using ActorBroker.Actors;
using ActorBroker.Actors.Mpps;
using ActorBroker.Actors.Persistence;
using ActorBroker.Actors.Settings;
using Akka.Configuration;
using Akka.Hosting;

namespace ActorBroker.Host;

/// <summary>
/// Builds the broker process: Akka.Hosting actor system + the loopback management API on one
/// generic host, so Ctrl-C / SIGTERM runs Akka's coordinated shutdown and closes listeners cleanly.
/// </summary>
internal static class BrokerHost
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        // Operators read these: NÚÑEZ must stay NÚÑEZ, not \u00DA.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = false,
    };

    public static WebApplication Build(HostOptions options, TimeProvider? time = null)
    {
        var config = HoconLoader.Load(options);
        var settings = BrokerSettings.FromConfig(config);
        return Build(config, settings, time ?? TimeProvider.System);
    }

    public static WebApplication Build(Config config, BrokerSettings settings, TimeProvider time)
    {
        // Content root = the install folder, and no appsettings files: the default watches the working
        // directory for config changes, and with the SQLite journal under ./data every WAL write woke
        // that FileSystemWatcher (measured: ~9% of the broker's CPU under load).
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ContentRootPath = AppContext.BaseDirectory,
            Args = ["--hostBuilder:reloadConfigOnChange=false"],
        });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss.fff ";
        });
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.Hosting", LogLevel.Warning);
        builder.WebHost.UseUrls($"http://{settings.Management.Host}:{settings.Management.Port}");
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Encoder = Json.Encoder;
            o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        });

        var endpoints = new BrokerEndpoints();
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton(endpoints);
        builder.Services.AddSingleton(time);
        builder.Services.AddSingleton(new BrokerClock(time, time.GetUtcNow()));
        // One per node: the DICOM SCP and the exception replay (ManagementApi) route MPPS requests through it.
        var mppsIndex = new MppsStudyIndex(MppsStudyIndex.JournalLookup(JournalConnection.For(settings.Persistence, settings.DataDir)));
        builder.Services.AddSingleton(mppsIndex);
        builder.Services.AddAkka(BrokerAkkaSetup.SystemName, (akka, _) =>
        {
            akka.ConfigureLoggers(l => l.AddLoggerFactory());
            akka.AddActorBroker(config, settings, endpoints, time, mppsIndex: mppsIndex);
        });

        var app = builder.Build();
        ManagementApi.Map(app);
        Launch.LaunchEndpoint.Map(app, config); // EHR context launch (/launch): actor-broker.links
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var address = app.Urls.FirstOrDefault();
            if (address is not null && Uri.TryCreate(address, UriKind.Absolute, out var uri))
            {
                endpoints.Report("management", new System.Net.IPEndPoint(System.Net.IPAddress.Parse(uri.Host), uri.Port));
            }
        });
        return app;
    }
}
