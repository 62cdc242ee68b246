using System.Globalization;

namespace ActorBroker.LoadGen;

/// <summary>Command line of the load generator (no parser package: the options are few and flat).</summary>
internal sealed record LoadGenOptions
{
    public string Mode { get; init; } = "send";

    public string Host { get; init; } = "127.0.0.1";

    public int Port { get; init; } = 2575;

    public int Connections { get; init; } = 32;

    public int Messages { get; init; } = 100_000;

    /// <summary>Messages per second in total; 0 = as fast as ACKs come back (closed loop).</summary>
    public double Rate { get; init; }

    /// <summary>Messages outstanding per connection.</summary>
    public int Pipeline { get; init; } = 1;

    public int Warmup { get; init; } = 1000;

    public string Template { get; init; } = "orm";

    public string? TemplatePath { get; init; }

    /// <summary>Rewrite placer/accession/Study UID per message (always on for the built-in ORM).</summary>
    public bool UniqueAccessions { get; init; }

    public bool Json { get; init; }

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Echo mode: parse fully and build the ACK with Hl7AckBuilder instead of the minimal ACK.</summary>
    public bool FullAck { get; init; }

    /// <summary>Print this many generated messages (segments on their own lines) and exit: to check a template.</summary>
    public int DryRun { get; init; }

    public const string Usage = """
        usage:
          loadgen [--host 127.0.0.1] [--port 2575] [--connections 32] [--messages 100000]
                  [--rate N (msgs/s total, 0 = max)] [--pipeline 1] [--warmup 1000]
                  [--template orm | --template file PATH] [--unique-accessions] [--timeout-ms 10000] [--json] [--dry-run N]
          loadgen echo [--host 127.0.0.1] [--port 2590] [--full-ack]
          loadgen mpps --help          (MPPS N-CREATE + N-SET pairs end to end: see its own usage)
          loadgen mpps-echo [--port 11112] [--ae ACTORBROKER] [--ehr-port R]   (MPPS SCP stand-in: the ceiling)
        """;

    public static LoadGenOptions Parse(string[] args)
    {
        var options = new LoadGenOptions();
        var i = 0;
        if (args.Length > 0 && args[0] == "echo")
        {
            options = options with { Mode = "echo", Port = 2590 };
            i = 1;
        }

        for (; i < args.Length; i++)
        {
            var arg = args[i];
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{arg} needs a value");
            options = arg switch
            {
                "--host" => options with { Host = Next() },
                "--port" => options with { Port = Int(Next()) },
                "--connections" => options with { Connections = Int(Next()) },
                "--messages" => options with { Messages = Int(Next()) },
                "--rate" => options with { Rate = double.Parse(Next(), CultureInfo.InvariantCulture) },
                "--pipeline" => options with { Pipeline = Int(Next()) },
                "--warmup" => options with { Warmup = Int(Next()) },
                "--template" => ParseTemplate(options, Next(), args, ref i),
                "--unique-accessions" => options with { UniqueAccessions = true },
                "--timeout-ms" => options with { Timeout = TimeSpan.FromMilliseconds(Int(Next())) },
                "--json" => options with { Json = true },
                "--full-ack" => options with { FullAck = true },
                "--dry-run" => options with { DryRun = Int(Next()) },
                "-h" or "--help" => options with { Mode = "help" },
                _ => throw new ArgumentException($"unknown option {arg}"),
            };
        }

        if (options.Connections < 1 || options.Pipeline < 1 || options.Messages < 1)
        {
            throw new ArgumentException("--connections, --pipeline and --messages must be at least 1");
        }

        return options;
    }

    private static LoadGenOptions ParseTemplate(LoadGenOptions options, string kind, string[] args, ref int i)
    {
        if (kind == "orm")
        {
            return options with { Template = "orm" };
        }

        if (kind == "file" && i + 1 < args.Length)
        {
            return options with { Template = "file", TemplatePath = args[++i] };
        }

        throw new ArgumentException("--template orm | --template file PATH");
    }

    private static int Int(string s) => int.Parse(s, NumberStyles.Integer, CultureInfo.InvariantCulture);
}
