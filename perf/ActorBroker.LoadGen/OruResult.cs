using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace ActorBroker.LoadGen;

/// <summary>
/// The report phase of <c>loadgen mpps --reports on</c>, measured pairs only. ACKs: connections opened to the
/// last ACK of the reports listener. End to end: first ORU^R01 sent to the arrival at the EHR of the last
/// final result (ORU^R01, OBR-25 F) that an AA'd report asked for. Latency per report: sent -> result at the EHR.
/// </summary>
internal sealed record OruResult
{
    public required int Count { get; init; }

    public required int WarmupCount { get; init; }

    public required int Connections { get; init; }

    public required int Pipeline { get; init; }

    public required string Target { get; init; }

    public required double AckSeconds { get; init; }

    public required long Aa { get; init; }

    public required long Ae { get; init; }

    public required long Ar { get; init; }

    public required long Other { get; init; }

    public required long Timeouts { get; init; }

    public required LatencyStats AckLatency { get; init; }

    public required double EndToEndSeconds { get; init; }

    /// <summary>First ORU^R01 sent to the first final result at the EHR: how long before the EHR leg starts to flow.</summary>
    public required double FirstResultSeconds { get; init; }

    /// <summary>Pairs with a final result at the EHR.</summary>
    public required int Received { get; init; }

    /// <summary>Pairs whose report got AA but whose final result never reached the EHR (within --timeout-s).</summary>
    public required int Missing { get; init; }

    /// <summary>Pairs whose report got no AA (AE, AR, no ACK): the broker owes the EHR nothing for them.</summary>
    public required int NotAccepted { get; init; }

    public required LatencyStats EndToEndLatency { get; init; }

    /// <summary>What the EHR received during the measured report phase.</summary>
    public required EhrCounts Ehr { get; init; }

    public double AcksPerSecond => AckSeconds > 0 ? Aa / AckSeconds : 0;

    public double ReportsPerSecond => EndToEndSeconds > 0 ? Received / EndToEndSeconds : 0;

    public bool Complete => Received == Count;

    /// <summary>Every report AA'd and every final result at the EHR.</summary>
    public bool Success => Aa == Count && Complete;

    public string ToText()
    {
        var text = new StringBuilder();
        void Line(FormattableString s) => text.Append(s.ToString(CultureInfo.InvariantCulture)).Append('\n');
        Line($"reports     {Count} ORU^R01 F (after {WarmupCount} warm-up reports) over {Connections} connections, {Pipeline} in flight each, to {Target}");
        Line($"ACKs        {AckSeconds:F2} s  {AcksPerSecond:F0} reports/s (connections opened -> last ACK)  AA {Aa}  AE {Ae}  AR {Ar}  other {Other}  timeouts {Timeouts}");
        Line($"            ORU sent -> ACK          {AckLatency.ToText()}");
        Line($"END TO END  {EndToEndSeconds:F2} s  {ReportsPerSecond:F0} reports/s (first ORU sent -> last ORU^R01 F at the EHR){(Complete ? "" : "  INCOMPLETE")}");
        Line($"            first final result at the EHR {FirstResultSeconds:F2} s after the first ORU sent");
        Line($"            final results at EHR {Received}/{Count}  missing {Missing} (AA'd, none at the EHR)  not AA'd {NotAccepted}");
        Line($"            ORU sent -> ORU at EHR   {EndToEndLatency.ToText()}");
        var c = Ehr;
        Line($"EHR         messages {c.Messages}  ORU^R01 {c.Reports}  repeated final {c.RepeatedReports}  not F {c.NotFinalReports}  duplicate MSH-10 {c.Duplicates}  unknown order {c.Unknown}  unparsable {c.Unparsable}  frame errors {c.FrameErrors}");
        return text.ToString().TrimEnd('\n');
    }

    public JsonObject ToJson() => new()
    {
        ["reports"] = Count,
        ["warmupReports"] = WarmupCount,
        ["connections"] = Connections,
        ["pipeline"] = Pipeline,
        ["acks"] = new JsonObject
        {
            ["seconds"] = Math.Round(AckSeconds, 3),
            ["perSec"] = Math.Round(AcksPerSecond, 1),
            ["aa"] = Aa,
            ["ae"] = Ae,
            ["ar"] = Ar,
            ["other"] = Other,
            ["timeouts"] = Timeouts,
            ["latency"] = AckLatency.ToJson(),
        },
        ["endToEnd"] = new JsonObject
        {
            ["seconds"] = Math.Round(EndToEndSeconds, 3),
            ["perSec"] = Math.Round(ReportsPerSecond, 1),
            ["firstResultSeconds"] = Math.Round(FirstResultSeconds, 3),
            ["complete"] = Complete,
            ["received"] = Received,
            ["missing"] = Missing,
            ["notAccepted"] = NotAccepted,
            ["latency"] = EndToEndLatency.ToJson(),
            ["ehr"] = Ehr.ToJson(),
        },
        ["success"] = Success,
    };
}
