using System.Globalization;

namespace ActorBroker.LoadGen;

/// <summary>
/// Command line of <c>loadgen mpps</c>: MPPS N-CREATE + N-SET pairs, end to end to an in-process EHR; then
/// (--reports on) one ORU^R01 final report per order, end to end to the same EHR.
/// </summary>
internal sealed record MppsOptions
{
    public string Host { get; init; } = "127.0.0.1";

    public int DicomPort { get; init; }

    public int Hl7Port { get; init; }

    public int EhrPort { get; init; }

    /// <summary>The broker's report listener (ports file key hl7:reports).</summary>
    public int ReportsPort { get; init; }

    /// <summary>Address the EHR receiver binds (the broker's destinations.ehr.host must reach it).</summary>
    public string EhrBind { get; init; } = "127.0.0.1";

    /// <summary>The EHR's connections each on a thread of its own with a short scheduler slice (<see cref="EhrThreadServer"/>); off: the thread pool.</summary>
    public bool EhrThreads { get; init; } = true;

    public int Pairs { get; init; } = 2000;

    public int Associations { get; init; } = 8;

    /// <summary>
    /// Pairs run (orders, MPPS, EHR messages, all awaited) before the measured ones and not counted: the JIT
    /// of both sides and the broker's first entities, so a short run measures the steady state. Numbers first..first+warmup-1.
    /// </summary>
    public int WarmupPairs { get; init; } = 200;

    /// <summary>Warm-up plus measured pairs: every pair gets an order and a number.</summary>
    public int TotalPairs => WarmupPairs + Pairs;

    /// <summary>Send one ORM^O01 NW per pair (and wait for its AA) before the MPPS run.</summary>
    public bool OrdersFirst { get; init; } = true;

    public int OrderConnections { get; init; } = 4;

    /// <summary>Run the MPPS pairs (off: orders, then reports only).</summary>
    public bool Mpps { get; init; } = true;

    /// <summary>After the MPPS pairs (or the orders, with --mpps off), one ORU^R01 F per order, measured until the EHR has the result.</summary>
    public bool Reports { get; init; }

    public int ReportConnections { get; init; } = 4;

    /// <summary>ORU^R01 sent before their ACKs, per connection (1 = one at a time, as most dictation systems send).</summary>
    public int ReportPipeline { get; init; } = 8;

    /// <summary>Pause between the last order AA and the first N-CREATE, so the broker has applied the orders it ACKed.</summary>
    public TimeSpan Settle { get; init; } = TimeSpan.FromSeconds(2);

    public string CallingAe { get; init; } = "CT01";

    public string CalledAe { get; init; } = "ACTORBROKER";

    public string Modality { get; init; } = "CT";

    public string AccessionPrefix { get; init; } = "MP";

    /// <summary>Number of the first pair: accession = prefix + number (8 digits); a second run against the same broker needs another range.</summary>
    public int FirstNumber { get; init; } = 1;

    /// <summary>N-CREATE and N-SET each on an association of its own (what many modalities do) instead of one association per worker.</summary>
    public bool AssocPerStep { get; init; }

    /// <summary>Skip the EHR receiver: DICOM-side numbers only (e.g. against a plain MPPS SCP).</summary>
    public bool NoEhr { get; init; }

    public int Images { get; init; } = 2;

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(120);

    public bool Json { get; init; }

    /// <summary>Print the first pair's datasets, check they encode and parse back, and exit.</summary>
    public bool DryRun { get; init; }

    public bool Help { get; init; }

    public const string Usage = """
        usage:
          loadgen mpps --dicom-port P --hl7-port Q --ehr-port R [--host 127.0.0.1] [--pairs 2000] [--associations 8]
                       [--warmup-pairs 200] [--orders-first on|off] [--order-connections 4] [--settle-ms 2000] [--assoc-per-step]
                       [--calling-ae CT01] [--called-ae ACTORBROKER] [--modality CT] [--accession-prefix MP]
                       [--first-number 1] [--images 2] [--timeout-s 120] [--ehr-bind 127.0.0.1] [--ehr-threads on|off] [--no-ehr]
                       [--json] [--mpps on|off] [--reports on|off --reports-port S] [--report-connections 4] [--report-pipeline 8]
          loadgen mpps --dry-run [--accession-prefix MP] ...     print pair 0's order, N-CREATE/N-SET datasets and report, check they parse back
        Each pair: an ORM^O01 NW order (accession = prefix + 8-digit number, site MAINHOSP, ZDS Study UID) when
        --orders-first is on, then MPPS N-CREATE (IN PROGRESS) and N-SET (COMPLETED) naming that accession; the
        in-process EHR receiver (MLLP on --ehr-port, ACK AA) waits for ORC-5 IP and CM per accession; it serves each
        connection on a thread of its own with a 0.1 ms scheduler slice, as an EHR on its own machine is not slowed
        by this generator's DICOM work (--ehr-threads off: through the thread pool, as before session 12).
        --reports on: then one ORU^R01 (OBR-25 F, placer/filler/accession of the pair's order, MSH-4 MAINHOSP) per pair
        to --reports-port over --report-connections, warm-up pairs first; the EHR waits for an ORU^R01 F per accession.
        --mpps off skips the MPPS pairs (orders, then reports; --dicom-port not needed).
        The first --warmup-pairs numbers run (and are awaited) before the measured --pairs, and are not counted;
        a second run against the same broker needs --first-number past the first run's warm-up + pairs.
        --no-ehr: no EHR receiver (DICOM-side numbers only; --hl7-port and --ehr-port not needed with --orders-first off).
        Exit code 0 only when every status was 0000 and (unless --no-ehr) the EHR got IP and CM for every pair,
        and (--reports on) every ORU^R01 got AA and the EHR a final result for each.
        """;

    public static MppsOptions Parse(IReadOnlyList<string> args)
    {
        var options = new MppsOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string Next() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{arg} needs a value");
            options = arg switch
            {
                "--host" => options with { Host = Next() },
                "--dicom-port" => options with { DicomPort = Int(Next()) },
                "--hl7-port" => options with { Hl7Port = Int(Next()) },
                "--ehr-port" => options with { EhrPort = Int(Next()) },
                "--reports-port" => options with { ReportsPort = Int(Next()) },
                "--mpps" => options with { Mpps = OnOff(arg, Next()) },
                "--reports" => options with { Reports = OnOff(arg, Next()) },
                "--report-connections" => options with { ReportConnections = Int(Next()) },
                "--report-pipeline" => options with { ReportPipeline = Int(Next()) },
                "--ehr-bind" => options with { EhrBind = Next() },
                "--ehr-threads" => options with { EhrThreads = OnOff(arg, Next()) },
                "--pairs" => options with { Pairs = Int(Next()) },
                "--associations" => options with { Associations = Int(Next()) },
                "--warmup-pairs" => options with { WarmupPairs = Int(Next()) },
                "--orders-first" => options with { OrdersFirst = OnOff(arg, Next()) },
                "--order-connections" => options with { OrderConnections = Int(Next()) },
                "--settle-ms" => options with { Settle = TimeSpan.FromMilliseconds(Int(Next())) },
                "--calling-ae" => options with { CallingAe = Next() },
                "--called-ae" => options with { CalledAe = Next() },
                "--modality" => options with { Modality = Next() },
                "--accession-prefix" => options with { AccessionPrefix = Next() },
                "--first-number" => options with { FirstNumber = Int(Next()) },
                "--assoc-per-step" => options with { AssocPerStep = true },
                "--no-ehr" => options with { NoEhr = true },
                "--images" => options with { Images = Int(Next()) },
                "--timeout-s" => options with { Timeout = TimeSpan.FromSeconds(Int(Next())) },
                "--json" => options with { Json = true },
                "--dry-run" => options with { DryRun = true },
                "-h" or "--help" => options with { Help = true },
                _ => throw new ArgumentException($"unknown option {arg}"),
            };
        }

        if (options.Help)
        {
            return options;
        }

        MppsNumbering.Validate(options.AccessionPrefix, options.FirstNumber, options.TotalPairs);
        if (options.DryRun)
        {
            return options;
        }

        if (options.Pairs < 1 || options.Associations < 1 || options.OrderConnections < 1 || options.ReportConnections < 1 || options.ReportPipeline < 1
            || options.FirstNumber < 0 || options.Images < 0 || options.WarmupPairs < 0)
        {
            throw new ArgumentException("--pairs, --associations, --order-connections, --report-connections and --report-pipeline must be at least 1; --first-number, --images and --warmup-pairs at least 0");
        }

        if (!options.Mpps && !options.Reports)
        {
            throw new ArgumentException("--mpps off needs --reports on: there would be nothing to measure");
        }

        if (options.Mpps && options.DicomPort <= 0)
        {
            throw new ArgumentException("--dicom-port is required (or --mpps off)");
        }

        if (options.Reports && options.ReportsPort <= 0)
        {
            throw new ArgumentException("--reports-port is required with --reports on");
        }

        if (options.Reports && options.NoEhr)
        {
            throw new ArgumentException("--reports on is measured at the EHR: not with --no-ehr");
        }

        if (options.OrdersFirst && options.Hl7Port <= 0)
        {
            throw new ArgumentException("--hl7-port is required with --orders-first on");
        }

        if (!options.NoEhr && options.EhrPort <= 0)
        {
            throw new ArgumentException("--ehr-port is required (or --no-ehr)");
        }

        return options;
    }

    private static bool OnOff(string arg, string value) => value switch
    {
        "on" or "true" or "yes" or "1" => true,
        "off" or "false" or "no" or "0" => false,
        _ => throw new ArgumentException($"{arg} takes on or off"),
    };

    private static int Int(string s) => int.Parse(s, NumberStyles.Integer, CultureInfo.InvariantCulture);
}
