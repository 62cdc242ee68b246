using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using ActorBroker.Hl7;
using ActorBroker.Hl7.Mllp;
using ActorBroker.Interop.Tests.Harness;
using Xunit.Abstractions;

namespace ActorBroker.Interop.Tests;

/// <summary>
/// kill -9 of the host in the middle of a load, then a restart on the same data folder: every order
/// that was ACKed AA is there, with its event, and nothing is duplicated; a resend of an ACKed message
/// is answered AA again and changes nothing.
/// </summary>
[Collection(CrashRecoveryCollection.Name)]
public sealed class CrashRecoveryTests(ITestOutputHelper output) : IDisposable
{
    private const int Connections = 8;
    private const int KillAfterAccepted = 300;
    private const int MaxPerConnection = 20_000; // a bound, never reached: the kill stops the load
    private const int Resends = 5;
    private static readonly TimeSpan AckTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan RecoveryDeadline = TimeSpan.FromSeconds(60);

    private readonly TempDirectory _dataDir = new("crash");

    [Fact]
    public async Task Every_order_ACKed_AA_before_a_kill_9_is_there_once_with_its_event_after_a_restart()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        void Phase(string what) => output.WriteLine($"{clock.Elapsed.TotalSeconds,6:0.0} s  {what}");
        var run = OrderMessageFactory.NewRunTag();
        var accepted = new ConcurrentDictionary<string, GeneratedOrder>(StringComparer.Ordinal);

        // 1. Load: 8 connections sending new orders back to back; SIGKILL once some hundreds are ACKed AA.
        LoadWorkerResult[] workers;
        string firstOutput;
        await using (var first = await BrokerProcess.StartAsync(_dataDir.Path))
        {
            Phase("broker started");
            var acceptedCount = 0;
            var enough = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            using var stop = new CancellationTokenSource();
            var load = Enumerable.Range(0, Connections)
                .Select(c => Task.Run(() => SendUntilBrokenAsync(first.Hl7Orders, run, c, order =>
                {
                    accepted[order.Accession] = order;
                    if (Interlocked.Increment(ref acceptedCount) == KillAfterAccepted)
                    {
                        enough.TrySetResult();
                    }
                }, stop.Token)))
                .ToArray();
            var finished = await Task.WhenAny(enough.Task, Task.WhenAll(load), Task.Delay(TimeSpan.FromSeconds(60)));
            if (finished != enough.Task)
            {
                await stop.CancelAsync();
                var ended = await Task.WhenAll(load);
                Assert.Fail($"the load did not reach {KillAfterAccepted} AAs ({accepted.Count}):\n{string.Join('\n', ended.Select(w => w.ToString()))}\n{Tail(first.Output)}");
            }

            Phase($"{accepted.Count} AA: kill -9");
            first.Kill();
            workers = await Task.WhenAll(load).WaitAsync(TimeSpan.FromSeconds(60));
            Phase($"killed; {accepted.Count} AA in all, {workers.Sum(w => w.Sent)} sent");
            firstOutput = first.Output;
        }

        var report = string.Join('\n', workers.Select(w => w.ToString())) + "\nfirst broker:\n" + Tail(firstOutput);
        Assert.True(workers.All(w => w.NegativeAcks.Count == 0), "valid new orders got negative ACKs:\n" + report);
        Assert.True(workers.All(w => w.EndedBy is IOException or SocketException), "every connection was still sending when the broker was killed:\n" + report);
        Assert.True(accepted.Count >= KillAfterAccepted, report);

        // 2. Restart on the same data folder: every AA'd order shows up (the inbound log may still be
        //    re-delivering to the orders for a moment), each exactly once.
        await using var second = await BrokerProcess.StartAsync(_dataDir.Path);
        using var api = new BrokerApi(second.ManagementEndpoint);
        Phase("broker restarted");
        var list = await Eventually.MatchesAsync(
            () => api.OrdersAsync("MAINHOSP"),
            l => accepted.Keys.All(Accessions(l).Contains),
            l => $"all {accepted.Count} AA'd orders in /api/orders after the restart; missing {(l is { } x ? string.Join(", ", accepted.Keys.Except(Accessions(x)).Take(20)) : "(no answer)")}...\n{report}\nrestarted broker:\n{Tail(second.Output)}",
            RecoveryDeadline);
        Phase($"all AA'd orders listed ({list.GetProperty("total").GetInt32()} orders)");
        var listed = list.Array("orders").Select(o => o.Str("accession")!).ToList();
        var duplicates = listed.GroupBy(a => a, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(duplicates.Count == 0, "orders listed more than once: " + string.Join(", ", duplicates));
        Assert.Equal(listed.Count, list.GetProperty("total").GetInt32());
        Assert.All(list.Array("orders"), o => Assert.StartsWith("K" + run, o.Str("accession"), StringComparison.Ordinal));

        // Each AA'd order in full: Scheduled, exactly one event, the OrderPlaced from its own message.
        await Parallel.ForEachAsync(accepted.Values, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (order, _) =>
        {
            var detail = await api.WaitForOrderAsync(order.Accession, "MAINHOSP", o => o.EventTypes().Count >= 1, "placed", RecoveryDeadline);
            AssertPlacedOnce(detail, order);
        });

        Phase("each AA'd order checked");

        // 3. What an EHR does after the crash: resend what it had no ACK for (the message in flight on
        //    each connection at the kill: journaled or not, it must now get AA and be placed once), and
        //    a few messages that were ACKed AA (AA again, nothing new). Each is followed by an XO for the
        //    same order: the log applies an order's messages in order, so once the change shows, the
        //    resend has been through and can be judged.
        var unanswered = workers.Select(w => w.Unanswered).OfType<GeneratedOrder>().ToList();
        var resent = accepted.Values.OrderBy(o => o.Accession, StringComparer.Ordinal).Take(Resends).Concat(unanswered).ToList();
        await using (var client = await MllpClient.ConnectAsync(second.Hl7Orders.Address.ToString(), second.Hl7Orders.Port))
        {
            foreach (var order in resent)
            {
                var again = AckReply.Parse(await client.SendAsync(order.Bytes).WaitAsync(AckTimeout));
                Assert.True(again.Code == AckCode.AA, $"a resend of {order.ControlId} must get AA: {again}");
                Assert.Equal(order.ControlId, again.Ack.MessageControlId);
                var change = OrderMessageFactory.Change(order);
                var changed = AckReply.Parse(await client.SendAsync(change.Bytes).WaitAsync(AckTimeout));
                Assert.True(changed.Code == AckCode.AA, $"XO {change.ControlId}: {changed}");
            }
        }

        foreach (var order in resent)
        {
            var detail = await api.WaitForOrderAsync(order.Accession, "MAINHOSP", o => o.EventTypes().Count >= 2, "placed, then changed", RecoveryDeadline);
            Assert.True(detail.EventTypes().SequenceEqual(["OrderPlaced", "OrderChanged"]), $"{order.Accession}: exactly OrderPlaced, OrderChanged expected after the resend and the XO: {detail.GetRawText()}");
            Assert.Equal(order.ControlId, detail.Array("events")[0].Str("messageControlId"));
            Assert.Equal(OrderMessageFactory.ChangedStart, Assert.Single(detail.Array("scheduledSteps")).Str("start"));
        }

        Phase($"{resent.Count} resends checked ({unanswered.Count} had no ACK before the kill)");
        var after = await api.OrdersAsync("MAINHOSP");
        var expected = listed.Union(unanswered.Select(o => o.Accession), StringComparer.Ordinal).Count();
        Assert.Equal(expected, after.GetProperty("total").GetInt32());
        Assert.Equal(expected, after.Array("orders").Select(o => o.Str("accession")).Distinct(StringComparer.Ordinal).Count());
    }

    public void Dispose() => _dataDir.Dispose();

    private static string Tail(string text, int length = 6000) => text.Length <= length ? text : "..." + text[^length..];

    private static HashSet<string> Accessions(JsonElement list) =>
        list.Array("orders").Select(o => o.Str("accession")!).ToHashSet(StringComparer.Ordinal);

    private static void AssertPlacedOnce(JsonElement detail, GeneratedOrder order)
    {
        Assert.True(detail.State() == "Scheduled", $"{order.Accession}: Scheduled expected: {detail.GetRawText()}");
        var events = detail.Array("events");
        Assert.True(events.Count == 1 && events[0].Str("type") == "OrderPlaced", $"{order.Accession}: exactly one OrderPlaced expected: {detail.GetRawText()}");
        Assert.Equal(order.ControlId, events[0].Str("messageControlId"));
        Assert.Equal(order.StudyUid, detail.Str("studyInstanceUid"));
    }

    // One connection of the load: new orders back to back until the connection breaks (the kill).
    private static async Task<LoadWorkerResult> SendUntilBrokenAsync(IPEndPoint broker, string run, int connection, Action<GeneratedOrder> onAccepted, CancellationToken stop)
    {
        var sent = 0;
        var acceptedHere = 0;
        var negative = new List<string>();
        GeneratedOrder? unanswered = null;
        try
        {
            await using var client = await MllpClient.ConnectAsync(broker.Address.ToString(), broker.Port, stop);
            for (var k = 0; k < MaxPerConnection && !stop.IsCancellationRequested; k++)
            {
                var order = OrderMessageFactory.New(run, connection, k);
                sent++;
                unanswered = order;
                var reply = AckReply.Parse(await client.SendAsync(order.Bytes, stop).WaitAsync(AckTimeout, stop));
                unanswered = null;
                if (reply.Code == AckCode.AA && reply.Ack.MessageControlId == order.ControlId)
                {
                    acceptedHere++;
                    onAccepted(order);
                }
                else
                {
                    negative.Add($"{order.ControlId}: {reply}");
                }
            }

            return new LoadWorkerResult(connection, sent, acceptedHere, negative, unanswered, null);
        }
        catch (Exception e)
        {
            // The expected end is IOException/SocketException (the kill); anything else is reported by the test.
            return new LoadWorkerResult(connection, sent, acceptedHere, negative, unanswered, e);
        }
    }
}
