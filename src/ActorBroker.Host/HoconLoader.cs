using Akka.Configuration;

namespace ActorBroker.Host;

/// <summary>
/// Builds the effective configuration: built-in defaults (hocon/*.conf beside the executable),
/// then each --config file in order, then --set values, then the AB_* environment overrides.
/// </summary>
internal static class HoconLoader
{
    // Environment variable -> HOCON path. Applied last so an operator can always override a file.
    private static readonly (string Variable, string Path, bool Quote)[] EnvironmentOverrides =
    [
        ("AB_DATA_DIR", "actor-broker.data-dir", true),
        ("AB_HL7_ORDERS_PORT", "actor-broker.hl7.listeners.orders.port", false),
        ("AB_MANAGEMENT_PORT", "actor-broker.management.port", false),
        ("AB_PERSISTENCE_PROVIDER", "actor-broker.persistence.provider", true),
        ("AB_PERSISTENCE_CONNECTION_STRING", "actor-broker.persistence.connection-string", true),
        ("AB_CLUSTER_PORT", "akka.remote.dot-netty.tcp.port", false),
    ];

    public static string DefaultsFolder => Path.Combine(AppContext.BaseDirectory, "hocon");

    public static Config Load(HostOptions options, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        var config = ReadFile(Path.Combine(DefaultsFolder, "akka.conf"))
            .WithFallback(ConfigurationFactory.Empty);
        config = ReadFile(Path.Combine(DefaultsFolder, "actor-broker.conf")).WithFallback(config);
        foreach (var file in options.ConfigFiles)
        {
            if (!File.Exists(file))
            {
                throw new FileNotFoundException($"--config file '{file}' does not exist", file);
            }

            config = ReadFile(file).WithFallback(config);
        }

        foreach (var kv in options.Overrides)
        {
            config = ConfigurationFactory.ParseString(kv).WithFallback(config);
        }

        foreach (var (variable, path, quote) in EnvironmentOverrides)
        {
            var value = environment(variable);
            if (!string.IsNullOrEmpty(value))
            {
                var literal = quote ? "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"" : value;
                config = ConfigurationFactory.ParseString($"{path} = {literal}").WithFallback(config);
            }
        }

        return config;
    }

    private static Config ReadFile(string path) => ConfigurationFactory.ParseString(File.ReadAllText(path));
}
