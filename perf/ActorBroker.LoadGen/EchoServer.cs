using System.Globalization;
using System.Text;
using ActorBroker.Hl7;
using ActorBroker.Hl7.Mllp;

namespace ActorBroker.LoadGen;

/// <summary>
/// A bare MLLP ACK-only server: the ceiling of the socket path. By default each frame is only
/// indexed (Hl7Index, no decoding) and a minimal AA ACK is spliced together from MSH-10; with
/// --full-ack it is parsed as Hl7Message and answered with Hl7AckBuilder, to show that cost.
/// </summary>
internal sealed class EchoServer : IMllpHandler
{
    [ThreadStatic]
    private static Hl7Index? t_index;

    private readonly bool _fullAck;
    private long _frames;
    private long _errors;

    public EchoServer(bool fullAck) => _fullAck = fullAck;

    public long Frames => Interlocked.Read(ref _frames);

    public static async Task RunAsync(LoadGenOptions options, CancellationToken ct)
    {
        var handler = new EchoServer(options.FullAck);
        await using var listener = new MllpListener(
            MllpListenerOptions.Default with { Host = options.Host, Port = options.Port, IdleTimeout = TimeSpan.Zero, MaxInFlightPerConnection = 64 },
            handler);
        await listener.StartAsync(ct);
        Console.WriteLine($"echo: listening on {listener.LocalEndPoint} ({(options.FullAck ? "Hl7Message.Parse + Hl7AckBuilder" : "minimal ACK from MSH-10")}); Ctrl+C to stop");
        var last = 0L;
        try
        {
            while (!ct.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromSeconds(5), ct);
                var frames = handler.Frames;
                if (frames != last)
                {
                    Console.WriteLine($"echo: {frames} frames, {listener.ActiveConnections} connections, {(frames - last) / 5.0:F0} frames/s over the last 5 s");
                    last = frames;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }

        Console.WriteLine($"echo: stopped after {handler.Frames} frames ({Interlocked.Read(ref handler._errors)} frame errors)");
    }

    public ValueTask<ReadOnlyMemory<byte>> HandleAsync(MllpConnectionInfo connection, ReadOnlyMemory<byte> frame, CancellationToken ct)
    {
        Interlocked.Increment(ref _frames);
        if (_fullAck)
        {
            return ValueTask.FromResult<ReadOnlyMemory<byte>>(Hl7AckBuilder.Build(Hl7Message.Parse(frame), AckCode.AA));
        }

        var index = t_index ??= new Hl7Index();
        var span = frame.Span;
        if (!index.TryIndex(span))
        {
            return ValueTask.FromResult<ReadOnlyMemory<byte>>(Hl7AckBuilder.BuildForUnparsable(span, AckCode.AR, "not HL7"));
        }

        if (index.Delimiters != Hl7Delimiters.Default)
        {
            return ValueTask.FromResult<ReadOnlyMemory<byte>>(Hl7AckBuilder.Build(Hl7Message.Parse(frame), AckCode.AA));
        }

        var controlId = index.Field(span, 0, 10);
        var head = "MSH|^~\\&|ECHO|LOADGEN|||"u8;
        var middle = "||ACK|"u8;
        var tail = "|P|2.3\rMSA|AA|"u8;
        var now = Timestamp();
        var ack = new byte[head.Length + now.Length + middle.Length + 1 + controlId.Length + tail.Length + controlId.Length + 1];
        var w = 0;
        head.CopyTo(ack);
        w += head.Length;
        now.CopyTo(ack.AsSpan(w));
        w += now.Length;
        middle.CopyTo(ack.AsSpan(w));
        w += middle.Length;
        ack[w++] = (byte)'E'; // the ACK's own control id: E + the request's, unique enough for an echo
        controlId.CopyTo(ack.AsSpan(w));
        w += controlId.Length;
        tail.CopyTo(ack.AsSpan(w));
        w += tail.Length;
        controlId.CopyTo(ack.AsSpan(w));
        w += controlId.Length;
        ack[w] = (byte)'\r';
        return ValueTask.FromResult<ReadOnlyMemory<byte>>(ack);
    }

    public void OnFrameError(MllpConnectionInfo connection, MllpFrameError error, ReadOnlyMemory<byte> rawSoFar) =>
        Interlocked.Increment(ref _errors);

    private static byte[] s_timestamp = [];
    private static long s_second;

    // One formatted timestamp per second, shared: formatting per ACK would dominate the echo path.
    private static byte[] Timestamp()
    {
        var second = Environment.TickCount64 / 1000;
        if (second != Interlocked.Read(ref s_second) || s_timestamp.Length == 0)
        {
            s_timestamp = Encoding.ASCII.GetBytes(DateTimeOffset.Now.ToString("yyyyMMddHHmmsszzz", CultureInfo.InvariantCulture).Replace(":", "", StringComparison.Ordinal));
            Interlocked.Exchange(ref s_second, second);
        }

        return s_timestamp;
    }
}
