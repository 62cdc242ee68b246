using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ActorBroker.LoadGen;

/// <summary>
/// The result of <c>loadgen mpps</c>. DICOM side: first N-CREATE sent to last N-SET response. End to end:
/// first N-CREATE sent to the arrival at the EHR of the last IP/CM that a successful N-CREATE/N-SET asked
/// for. Latencies: N-CREATE sent -> IP at the EHR, N-SET sent -> CM at the EHR, and each DIMSE round trip.
/// With --reports on, the report phase's own result (<see cref="OruResult"/>) follows.
/// </summary>
internal sealed record MppsReport
{
    public required MppsOptions Options { get; init; }

    public MppsOrderResult? Orders { get; init; }

    public required double DicomSeconds { get; init; }

    public required int CreateOk { get; init; }

    public required int SetOk { get; init; }

    /// <summary>Responses with a status other than 0000, by status code ("0110" -> 3).</summary>
    public required IReadOnlyDictionary<string, int> FailureStatuses { get; init; }

    /// <summary>Pairs whose N-CREATE or N-SET got no response at all.</summary>
    public required int NoResponse { get; init; }

    public required long NetworkErrors { get; init; }

    public required IReadOnlyList<string> ErrorSamples { get; init; }

    public required LatencyStats CreateRtt { get; init; }

    public required LatencyStats SetRtt { get; init; }

    public bool Ehr { get; init; }

    public double EndToEndSeconds { get; init; }

    /// <summary>Pairs with both IP and CM at the EHR.</summary>
    public int EndToEndPairs { get; init; }

    public int MissingIp { get; init; }

    public int MissingCm { get; init; }

    public LatencyStats? IpLatency { get; init; }

    public LatencyStats? CmLatency { get; init; }

    public EhrCounts? EhrCounts { get; init; }

    /// <summary>The report phase (--reports on).</summary>
    public OruResult? Reports { get; init; }

    public int Pairs => Options.Pairs;

    public double DicomPairsPerSecond => DicomSeconds > 0 ? SetOk / DicomSeconds : 0;

    public double EndToEndPairsPerSecond => EndToEndSeconds > 0 ? EndToEndPairs / EndToEndSeconds : 0;

    public int DicomFailures => FailureStatuses.Values.Sum() + NoResponse;

    public bool EndToEndComplete => Ehr && MissingIp == 0 && MissingCm == 0 && EndToEndPairs == Pairs;

    /// <summary>
    /// Every order AA; with MPPS every measured N-CREATE and N-SET 0000 and (with the EHR) every IP and CM there;
    /// with reports every ORU^R01 AA and every final result at the EHR.
    /// </summary>
    public bool Success =>
        (Orders?.AllAccepted ?? true)
        && (!Options.Mpps || (CreateOk == Pairs && SetOk == Pairs && NetworkErrors == 0 && (!Ehr || EndToEndComplete)))
        && (Reports?.Success ?? true);

    /// <summary>With --mpps off: the orders only (the report phase adds its own result).</summary>
    public static MppsReport Skipped(MppsOptions options, MppsOrderResult? orders) => new()
    {
        Options = options,
        Orders = orders,
        DicomSeconds = 0,
        CreateOk = 0,
        SetOk = 0,
        FailureStatuses = new Dictionary<string, int>(StringComparer.Ordinal),
        NoResponse = 0,
        NetworkErrors = 0,
        ErrorSamples = [],
        CreateRtt = LatencyStats.FromTicks([]),
        SetRtt = LatencyStats.FromTicks([]),
    };

    public string ToText()
    {
        var o = Options;
        var text = new StringBuilder();
        void Line(FormattableString s) => text.Append(s.ToString(CultureInfo.InvariantCulture)).Append('\n');
        if (o.Mpps)
        {
            Line($"mpps: {Pairs} pairs (after {o.WarmupPairs} warm-up pairs) over {o.Associations} associations{(o.AssocPerStep ? " (a new association per N-CREATE and per N-SET)" : " (N-CREATE + N-SET on one association each)")}, {o.CallingAe} -> {o.CalledAe} at {o.Host}:{o.DicomPort}, {o.Images} images per series");
        }
        else
        {
            Line($"mpps: not run (--mpps off); {Pairs} orders (after {o.WarmupPairs} warm-up orders) for the reports");
        }

        if (Orders is { } orders)
        {
            Line($"orders      {orders.Sent} ORM^O01 NW (warm-up included) over {o.OrderConnections} connections in {orders.Seconds:F2} s ({orders.Sent / Math.Max(orders.Seconds, 1e-9):F0}/s): AA {orders.Aa}  AE {orders.Ae}  AR {orders.Ar}  other {orders.Other}  timeouts {orders.Timeouts}; then {o.Settle.TotalMilliseconds:F0} ms settle");
        }
        else
        {
            Line($"orders      not sent (--orders-first off)");
        }

        if (o.Mpps)
        {
            MppsText(text);
        }

        if (Reports is { } reports)
        {
            text.Append(reports.ToText()).Append('\n');
        }

        Line($"result      {(Success ? "OK" : "FAILED")}");
        return text.ToString().TrimEnd('\n');
    }

    private void MppsText(StringBuilder text)
    {
        void Line(FormattableString s) => text.Append(s.ToString(CultureInfo.InvariantCulture)).Append('\n');
        Line($"DICOM       {DicomSeconds:F2} s  {DicomPairsPerSecond:F0} pairs/s (first N-CREATE sent -> last N-SET response)");
        Line($"            N-CREATE 0000 {CreateOk}/{Pairs}  N-SET 0000 {SetOk}/{Pairs}  failure statuses {FormatStatuses()}  no response {NoResponse}  network errors {NetworkErrors}");
        foreach (var e in ErrorSamples)
        {
            Line($"            error: {e}");
        }

        Line($"            N-CREATE round trip {CreateRtt.ToText()}");
        Line($"            N-SET round trip    {SetRtt.ToText()}");
        if (!Ehr)
        {
            Line($"EHR         not measured (--no-ehr)");
        }
        else
        {
            Line($"END TO END  {EndToEndSeconds:F2} s  {EndToEndPairsPerSecond:F0} pairs/s (first N-CREATE sent -> last IP/CM at the EHR){(EndToEndComplete ? "" : "  INCOMPLETE")}");
            Line($"            pairs with IP and CM {EndToEndPairs}/{Pairs}  missing IP {MissingIp}  missing CM {MissingCm}");
            Line($"            N-CREATE sent -> IP at EHR  {IpLatency!.ToText()}");
            Line($"            N-SET sent -> CM at EHR     {CmLatency!.ToText()}");
            var c = EhrCounts!;
            Line($"EHR         messages {c.Messages}  duplicate MSH-10 {c.Duplicates}  repeated status {c.Repeated}  CM before IP {c.OutOfOrder}  other ORC-5 {c.OtherStatus}  ORC-1 not SC {c.NotSc}  unknown order {c.Unknown}  unparsable {c.Unparsable}  frame errors {c.FrameErrors}");
        }
    }

    public string ToJson()
    {
        var o = Options;
        var json = new JsonObject
        {
            ["pairs"] = Pairs,
            ["warmupPairs"] = o.WarmupPairs,
            ["associations"] = o.Associations,
            ["assocPerStep"] = o.AssocPerStep,
            ["callingAe"] = o.CallingAe,
            ["calledAe"] = o.CalledAe,
            ["images"] = o.Images,
            ["ordersFirst"] = o.OrdersFirst,
            ["mpps"] = o.Mpps,
            ["orders"] = Orders is { } orders
                ? new JsonObject
                {
                    ["sent"] = orders.Sent,
                    ["aa"] = orders.Aa,
                    ["ae"] = orders.Ae,
                    ["ar"] = orders.Ar,
                    ["other"] = orders.Other,
                    ["timeouts"] = orders.Timeouts,
                    ["seconds"] = Math.Round(orders.Seconds, 3),
                    ["settleMs"] = o.Settle.TotalMilliseconds,
                }
                : null,
            ["dicom"] = !o.Mpps ? null : new JsonObject
            {
                ["seconds"] = Math.Round(DicomSeconds, 3),
                ["pairsPerSec"] = Math.Round(DicomPairsPerSecond, 1),
                ["createOk"] = CreateOk,
                ["setOk"] = SetOk,
                ["failureStatuses"] = new JsonObject(FailureStatuses.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value))),
                ["noResponse"] = NoResponse,
                ["networkErrors"] = NetworkErrors,
                ["errors"] = new JsonArray([.. ErrorSamples.Select(e => (JsonNode?)e)]),
                ["createRtt"] = CreateRtt.ToJson(),
                ["setRtt"] = SetRtt.ToJson(),
            },
            ["endToEnd"] = o.Mpps && Ehr
                ? new JsonObject
                {
                    ["seconds"] = Math.Round(EndToEndSeconds, 3),
                    ["pairsPerSec"] = Math.Round(EndToEndPairsPerSecond, 1),
                    ["complete"] = EndToEndComplete,
                    ["pairsDone"] = EndToEndPairs,
                    ["missingIp"] = MissingIp,
                    ["missingCm"] = MissingCm,
                    ["createToIp"] = IpLatency!.ToJson(),
                    ["setToCm"] = CmLatency!.ToJson(),
                    ["ehr"] = EhrCounts!.ToJson(),
                }
                : null,
            ["reports"] = Reports?.ToJson(),
            ["success"] = Success,
        };
        return json.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
    }

    private string FormatStatuses() =>
        FailureStatuses.Count == 0 ? "none" : string.Join(", ", FailureStatuses.Select(kv => $"{kv.Key} x{kv.Value}"));
}
