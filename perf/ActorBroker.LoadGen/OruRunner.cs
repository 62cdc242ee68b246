using System.Globalization;

namespace ActorBroker.LoadGen;

/// <summary>
/// The report phase of <c>loadgen mpps --reports on</c>: one ORU^R01 F per pair (the order's placer, filler and
/// accession) to the broker's report listener, warm-up pairs first (awaited end to end, not counted), then the
/// measured ones; each phase waits (up to --timeout-s) until the EHR has a final result for every report the
/// listener AA'd.
/// </summary>
internal static class OruRunner
{
    public static async Task<OruResult> RunAsync(MppsOptions options, EhrReceiver ehr, CancellationToken ct)
    {
        var run = Random.Shared.Next(0x1000, 0xFFFE); // MSH-10 LG{run}..., run + 1 for the measured reports
        var warmup = options.WarmupPairs;
        if (warmup > 0)
        {
            ProgressLog.Write($"report warm-up: {warmup} ORU^R01 over {options.ReportConnections} connections to {options.Host}:{options.ReportsPort}");
            await SendAndWaitAsync(options, ehr, 0, warmup, run, ct);
        }

        var before = EhrCounts.From(ehr);
        ProgressLog.Write($"reports: {options.Pairs} ORU^R01 over {options.ReportConnections} connections to {options.Host}:{options.ReportsPort}");
        var batch = await SendAndWaitAsync(options, ehr, warmup, options.Pairs, run + 1, ct);
        return BuildResult(options, ehr, batch, before);
    }

    // Pairs from..from+count-1: the batch's own pair j is pair from + j of the run.
    private static async Task<Hl7Batch> SendAndWaitAsync(MppsOptions options, EhrReceiver ehr, int from, int count, int run, CancellationToken ct)
    {
        var numbering = new MppsNumbering(options.AccessionPrefix, options.FirstNumber + from);
        var batch = await ProgressLog.WhileAsync(
            () => Line(ehr),
            () => Hl7Batch.SendAsync(options.Host, options.ReportsPort, MessageTemplate.BuiltInOru, numbering, count, options.ReportConnections, options.ReportPipeline, options.Timeout, run, ct),
            ct);
        ProgressLog.Write(string.Create(CultureInfo.InvariantCulture, $"ORU^R01: AA {batch.Aa}/{count} in {batch.Seconds:F2} s; waiting for the EHR"));
        await ProgressLog.WhileAsync(
            () => Line(ehr),
            async () =>
            {
                var accepted = Enumerable.Range(0, count).Where(batch.Accepted).Select(j => from + j);
                await ehr.WaitAsync(accepted, i => Volatile.Read(ref ehr.ReportAt[i]) != 0, options.Timeout, ct);
                return true;
            },
            ct);
        return batch;
    }

    private static OruResult BuildResult(MppsOptions options, EhrReceiver ehr, Hl7Batch batch, EhrCounts before)
    {
        var from = options.WarmupPairs;
        var pairs = Enumerable.Range(0, batch.Count).ToArray();
        long ReportAt(int j) => ehr.ReportAt[from + j];
        var first = pairs.Select(batch.SentAt).Where(t => t != 0).DefaultIfEmpty(0).Min();
        var last = pairs.Select(ReportAt).DefaultIfEmpty(0).Max();
        var firstResult = pairs.Select(ReportAt).Where(t => t != 0).DefaultIfEmpty(0).Min();
        return new OruResult
        {
            Count = batch.Count,
            WarmupCount = from,
            Connections = batch.Connections,
            Pipeline = options.ReportPipeline,
            Target = $"{options.Host}:{options.ReportsPort}",
            AckSeconds = batch.Seconds,
            Aa = batch.Aa,
            Ae = batch.Ae,
            Ar = batch.Ar,
            Other = batch.Other,
            Timeouts = batch.Timeouts,
            AckLatency = batch.AckLatency,
            EndToEndSeconds = MppsRunner.Seconds(first, last),
            FirstResultSeconds = MppsRunner.Seconds(first, firstResult),
            Received = pairs.Count(j => ReportAt(j) != 0),
            Missing = pairs.Count(j => batch.Accepted(j) && ReportAt(j) == 0),
            NotAccepted = pairs.Count(j => !batch.Accepted(j)),
            EndToEndLatency = LatencyStats.FromTicks(pairs.Where(j => ReportAt(j) != 0 && batch.SentAt(j) != 0).Select(j => ReportAt(j) - batch.SentAt(j))),
            Ehr = EhrCounts.From(ehr).Minus(before),
        };
    }

    private static string Line(EhrReceiver ehr) =>
        $"EHR: {ehr.ReportAt.Count(x => x != 0)} final results (warm-up included), {ehr.Messages} messages";
}
