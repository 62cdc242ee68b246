using System.Diagnostics;
using ActorBroker.Hl7;
using ActorBroker.Hl7.Mllp;

namespace ActorBroker.LoadGen;

/// <summary>
/// One connection's share of the run: a send loop (paced by the schedule when a rate is set,
/// limited by the pipeline window) and a receive loop that matches each ACK to its message by
/// MSA-2 and records the latency. Latency runs from the scheduled send time in open-loop mode,
/// so a slow server cannot hide its queueing by slowing the sender (coordinated omission).
/// </summary>
internal sealed class ConnectionWorker
{
    private readonly LoadGenOptions _options;
    private readonly MessageTemplate _template;
    private readonly int _run;
    private readonly int _connection;
    private readonly int _count;
    private readonly SemaphoreSlim _window;
    private int _received;
    private volatile bool _stopped;

    public ConnectionWorker(LoadGenOptions options, MessageTemplate template, int run, int connection, int count)
    {
        _options = options;
        _template = template;
        _run = run;
        _connection = connection;
        _count = count;
        SentAt = new long[count];
        Accepted = new bool[count];
        LatencyTicks = new long[count];
        Array.Fill(LatencyTicks, -1);
        _window = new SemaphoreSlim(options.Pipeline, options.Pipeline);
    }

    /// <summary>Stopwatch ticks per message; -1 when no ACK came.</summary>
    public long[] LatencyTicks { get; }

    /// <summary>Stopwatch timestamp per message when it was sent (or scheduled, in open loop); 0 = not sent.</summary>
    public long[] SentAt { get; }

    /// <summary>Per message: its ACK (matched by MSA-2) was AA or CA.</summary>
    public bool[] Accepted { get; }

    public long Aa { get; private set; }

    public long Ae { get; private set; }

    public long Ar { get; private set; }

    public long Other { get; private set; }

    public long Timeouts { get; private set; }

    /// <summary>Runs the messages; <paramref name="schedule"/> maps (connection, k) to a Stopwatch timestamp, or null for closed loop.</summary>
    public async Task RunAsync(Func<int, int, long>? schedule, int sequenceOffset, CancellationToken ct)
    {
        await using var client = await MllpClient.ConnectAsync(_options.Host, _options.Port, ct);
        using var receiveCts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var receiver = ReceiveLoopAsync(client, sequenceOffset, receiveCts.Token);
        var buffer = new byte[_template.MaxLength];
        try
        {
            for (var k = 0; k < _count; k++)
            {
                if (!await _window.WaitAsync(_options.Timeout, ct) || _stopped)
                {
                    break; // the receive loop gave up (timeout or closed): stop sending
                }

                long at;
                if (schedule is not null)
                {
                    at = schedule(_connection, k);
                    var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), at);
                    if (wait > TimeSpan.Zero)
                    {
                        await Task.Delay(wait, ct);
                    }
                }
                else
                {
                    at = Stopwatch.GetTimestamp();
                }

                SentAt[k] = at;
                var length = _template.Write(buffer, _run, _connection, sequenceOffset + k);
                await client.SendFrameAsync(buffer.AsMemory(0, length), ct);
            }

            await receiver;
        }
        finally
        {
            await receiveCts.CancelAsync();
            try
            {
                await receiver;
            }
            catch (OperationCanceledException)
            {
            }
        }
    }

    private async Task ReceiveLoopAsync(MllpClient client, int sequenceOffset, CancellationToken ct)
    {
        using var index = new Hl7Index();
        while (_received < _count)
        {
            byte[] frame;
            using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct))
            {
                timeout.CancelAfter(_options.Timeout);
                try
                {
                    frame = await client.ReceiveFrameAsync(timeout.Token);
                }
                catch (Exception e) when (e is OperationCanceledException or IOException && !ct.IsCancellationRequested)
                {
                    // Nothing for a whole timeout (or the server hung up): everything still outstanding timed out.
                    Timeouts += _count - _received;
                    _stopped = true;
                    ReleaseWindow();
                    return;
                }
            }

            var now = Stopwatch.GetTimestamp();
            if (!index.TryIndex(frame) || index.FindSegment(frame, "MSA") is var msa && msa < 0)
            {
                Other++;
            }
            else
            {
                var code = index.Field(frame, msa, 1);
                var accepted = code.SequenceEqual("AA"u8) || code.SequenceEqual("CA"u8);
                if (accepted)
                {
                    Aa++;
                }
                else if (code.SequenceEqual("AE"u8) || code.SequenceEqual("CE"u8))
                {
                    Ae++;
                }
                else if (code.SequenceEqual("AR"u8) || code.SequenceEqual("CR"u8))
                {
                    Ar++;
                }
                else
                {
                    Other++;
                }

                if (MessageTemplate.TryReadSequence(index.Field(frame, msa, 2), out var sequence)
                    && sequence - sequenceOffset is var k && k >= 0 && k < _count && LatencyTicks[k] < 0)
                {
                    LatencyTicks[k] = now - SentAt[k];
                    Accepted[k] = accepted;
                }
            }

            _received++;
            ReleaseWindow();
        }
    }

    private void ReleaseWindow()
    {
        try
        {
            _window.Release();
        }
        catch (SemaphoreFullException)
        {
            // Only after a timeout, when the window is opened to let the sender see _stopped.
        }
    }
}
