namespace ActorBroker.Host;

/// <summary>The host's own command line: configuration layers and where to report bound ports.</summary>
internal sealed record HostOptions(IReadOnlyList<string> ConfigFiles, IReadOnlyList<string> Overrides, string? PortsFile, bool ShowHelp)
{
    public const string Usage = """
        ActorBroker.Host — HL7/DICOM broker between the EHR and the imaging world.

        usage: ActorBroker.Host [--config FILE]... [--set KEY=VALUE]... [--ports-file FILE]

          --config FILE      HOCON layered over the built-in defaults (repeatable; later files win)
          --set KEY=VALUE    one HOCON value, applied after the files (e.g. --set actor-broker.hl7.listeners.orders.port=0)
          --ports-file FILE  write the bound endpoints as JSON once every listener is up
          --help             this text

        Environment overrides (applied last): AB_DATA_DIR, AB_HL7_ORDERS_PORT, AB_MANAGEMENT_PORT,
        AB_PERSISTENCE_PROVIDER, AB_PERSISTENCE_CONNECTION_STRING, AB_CLUSTER_PORT.
        """;

    public static HostOptions Parse(IReadOnlyList<string> args)
    {
        var configs = new List<string>();
        var overrides = new List<string>();
        string? portsFile = null;
        var help = false;
        for (var i = 0; i < args.Count; i++)
        {
            var a = args[i];
            switch (a)
            {
                case "--config" when i + 1 < args.Count:
                    configs.Add(args[++i]);
                    break;
                case "--set" when i + 1 < args.Count:
                    overrides.Add(args[++i]);
                    break;
                case "--ports-file" when i + 1 < args.Count:
                    portsFile = args[++i];
                    break;
                case "--help" or "-h":
                    help = true;
                    break;
                default:
                    throw new ArgumentException($"unknown or incomplete option '{a}'");
            }
        }

        return new HostOptions(configs, overrides, portsFile, help);
    }
}
