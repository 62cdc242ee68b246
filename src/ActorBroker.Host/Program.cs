using System.Text.Json;
using ActorBroker.Actors;

namespace ActorBroker.Host;

internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        HostOptions options;
        try
        {
            options = HostOptions.Parse(args);
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync(e.Message + Environment.NewLine + HostOptions.Usage);
            return 2;
        }

        if (options.ShowHelp)
        {
            Console.WriteLine(HostOptions.Usage);
            return 0;
        }

        Console.OutputEncoding = System.Text.Encoding.UTF8;
        WebApplication app;
        try
        {
            app = BrokerHost.Build(options);
        }
        catch (Exception e) when (e is Akka.Configuration.ConfigurationException or FileNotFoundException or ArgumentException or TimeZoneNotFoundException)
        {
            await Console.Error.WriteLineAsync("configuration error: " + e.Message);
            return 2;
        }

        try
        {
            await app.StartAsync();
        }
        catch (IOException e)
        {
            // Kestrel's "address already in use": say which setting to change, not a stack trace.
            await Console.Error.WriteLineAsync($"cannot start the management API: {e.GetBaseException().Message} (actor-broker.management.port, or AB_MANAGEMENT_PORT)");
            return 3;
        }

        var endpoints = app.Services.GetRequiredService<BrokerEndpoints>();
        var settings = app.Services.GetRequiredService<ActorBroker.Actors.Settings.BrokerSettings>();
        var names = settings.Hl7Listeners.Select(l => "hl7:" + l.Name).Append("dicom").Append("management").ToList();
        var bound = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            try
            {
                var ep = await endpoints.WaitAsync(name).WaitAsync(TimeSpan.FromSeconds(60));
                bound[name] = ep.ToString();
            }
            catch (Exception e) when (e is System.Net.Sockets.SocketException or InvalidOperationException or TimeoutException)
            {
                await Console.Error.WriteLineAsync($"cannot start {name}: {e.GetBaseException().Message}");
                await app.StopAsync();
                return 3;
            }
        }

        Console.WriteLine("ActorBroker ready: " + string.Join(", ", bound.Select(kv => $"{kv.Key} {kv.Value}")));
        if (options.PortsFile is not null)
        {
            var tmp = options.PortsFile + ".tmp";
            await File.WriteAllTextAsync(tmp, JsonSerializer.Serialize(bound));
            File.Move(tmp, options.PortsFile, overwrite: true);
        }

        await app.WaitForShutdownAsync();
        return 0;
    }
}
