using System.Net.Sockets;
using System.Text;
using ActorBroker.Hl7.Mllp;

namespace ActorBroker.Hl7.Tests.Mllp;

public sealed class MllpListenerTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(15);

    private static async Task<MllpListener> StartAsync(IMllpHandler handler, MllpListenerOptions? options = null)
    {
        var listener = new MllpListener(options ?? MllpListenerOptions.Default, handler);
        await listener.StartAsync(CancellationToken.None);
        return listener;
    }

    private static byte[] Order(string controlId) =>
        TestSamples.Er7($"MSH|^~\\&|EPIC|MAINHOSP|ACTORBROKER|RAD|20261128083000||ORM^O01|{controlId}|P|2.3", "PID|1||E1");

    private static Hl7Ack Ack(byte[] reply)
    {
        Assert.True(Hl7Ack.TryParse(Hl7Message.Parse(reply), out var ack));
        return ack;
    }

    [Fact]
    public async Task Binds_a_free_port_on_loopback_and_answers_a_sample()
    {
        var handler = new TestHandler();
        await using var listener = await StartAsync(handler);
        Assert.NotEqual(0, listener.LocalEndPoint.Port);

        await using var client = await MllpClient.ConnectAsync("127.0.0.1", listener.LocalEndPoint.Port);
        var ack = Ack(await client.SendAsync(TestSamples.Bytes("orm-o01-new-mr-latin1.hl7")).WaitAsync(Limit));

        Assert.Equal(AckCode.AA, ack.AckCode);
        Assert.Equal("MSG000002", ack.MessageControlId);
        Assert.Equal(1, listener.ActiveConnections);
    }

    [Fact]
    public async Task Pipelined_replies_come_back_in_arrival_order_even_when_handlers_finish_in_reverse()
    {
        const int count = 8;
        var gates = Enumerable.Range(0, count).Select(_ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var inFlight = 0;
        var handler = new TestHandler
        {
            OnFrame = async (_, frame, _) =>
            {
                var message = Hl7Message.Parse(frame);
                var n = int.Parse(message.MessageControlId, System.Globalization.CultureInfo.InvariantCulture);
                if (Interlocked.Increment(ref inFlight) == count)
                {
                    started.SetResult(); // all eight calls outstanding at once: real pipelining
                }

                await gates[n].Task;
                return Hl7AckBuilder.Build(message, AckCode.AA);
            },
        };
        await using var listener = await StartAsync(handler);
        await using var client = await MllpClient.ConnectAsync("127.0.0.1", listener.LocalEndPoint.Port);

        for (var i = 0; i < count; i++)
        {
            await client.SendFrameAsync(Order(i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        await started.Task.WaitAsync(Limit);
        for (var i = count - 1; i >= 0; i--)
        {
            gates[i].SetResult();
        }

        var order = new List<string>();
        for (var i = 0; i < count; i++)
        {
            order.Add(Ack(await client.ReceiveFrameAsync().AsTask().WaitAsync(Limit)).MessageControlId);
        }

        Assert.Equal(Enumerable.Range(0, count).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), order);
    }

    [Fact]
    public async Task In_flight_calls_are_capped_per_connection()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var calls = 0;
        var twoStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thirdStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var handler = new TestHandler
        {
            OnFrame = async (_, frame, _) =>
            {
                var n = Interlocked.Increment(ref calls);
                if (n == 2)
                {
                    twoStarted.SetResult();
                }
                else if (n == 3)
                {
                    thirdStarted.TrySetResult();
                }

                await release.Task;
                return Hl7AckBuilder.Build(Hl7Message.Parse(frame), AckCode.AA);
            },
        };
        await using var listener = await StartAsync(handler, MllpListenerOptions.Default with { MaxInFlightPerConnection = 2 });
        using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(listener.LocalEndPoint);

        // Five frames in one write: without the cap all five calls would start from the same read.
        await socket.SendAsync(Enumerable.Range(0, 5).SelectMany(i => MllpBytes.Frame(Order($"C{i}"))).ToArray());
        await twoStarted.Task.WaitAsync(Limit);

        // The one bounded wait in this suite: a negative can only be observed by giving it time.
        var third = await Task.WhenAny(thirdStarted.Task, Task.Delay(200));
        Assert.NotSame(thirdStarted.Task, third);
        Assert.Equal(2, Volatile.Read(ref calls));

        release.SetResult();
        var framer = new MllpFramer();
        var replies = new List<MllpFramerResult>();
        var buffer = new byte[4096];
        while (replies.Count < 5)
        {
            var n = await socket.ReceiveAsync(buffer).WaitAsync(Limit);
            Assert.NotEqual(0, n);
            framer.Feed(buffer.AsSpan(0, n), replies);
        }

        Assert.Equal(["C0", "C1", "C2", "C3", "C4"], replies.Select(r => Ack(r.Data).MessageControlId));
        Assert.Equal(5, calls);
    }

    [Fact]
    public async Task A_throwing_handler_yields_an_AE_ACK_and_the_connection_keeps_serving()
    {
        var handler = new TestHandler
        {
            OnFrame = (_, frame, _) =>
            {
                var message = Hl7Message.Parse(frame);
                return message.MessageControlId switch
                {
                    "BOOM" => throw new InvalidOperationException("database on fire"),
                    "REFUSE" => throw new Hl7Exception(new Hl7Error(Hl7ErrorCode.UnsupportedMessageType, new Hl7Location("MSH", 1, 9), "ORM not here"), AckCode.AR),
                    _ => ValueTask.FromResult<ReadOnlyMemory<byte>>(Hl7AckBuilder.Build(message, AckCode.AA)),
                };
            },
        };
        await using var listener = await StartAsync(handler);
        await using var client = await MllpClient.ConnectAsync("127.0.0.1", listener.LocalEndPoint.Port);

        var boom = Ack(await client.SendAsync(Order("BOOM")).WaitAsync(Limit));
        var refuse = Ack(await client.SendAsync(Order("REFUSE")).WaitAsync(Limit));
        var notHl7 = Ack(await client.SendAsync(TestSamples.Bytes("bad-no-msh.hl7")).WaitAsync(Limit));
        var fine = Ack(await client.SendAsync(Order("FINE")).WaitAsync(Limit));

        Assert.Equal((AckCode.AE, "BOOM", Hl7ErrorCode.ApplicationInternalError), (boom.AckCode, boom.MessageControlId, boom.Errors.Single().Code));
        Assert.Equal((AckCode.AR, Hl7ErrorCode.UnsupportedMessageType), (refuse.AckCode, refuse.Errors.Single().Code));
        Assert.Equal(AckCode.AR, notHl7.AckCode);
        Assert.Equal(AckCode.AA, fine.AckCode);
        Assert.Equal(3, handler.HandlerErrors.Count);
    }

    [Fact]
    public async Task Oversize_frame_is_reported_and_the_connection_closed()
    {
        var handler = new TestHandler();
        await using var listener = await StartAsync(handler, MllpListenerOptions.Default with { MaxMessageBytes = 64 });
        await using var client = await MllpClient.ConnectAsync("127.0.0.1", listener.LocalEndPoint.Port);

        await client.SendFrameAsync(new byte[200]);

        Assert.Equal(MllpFrameError.Oversize, await handler.FirstFrameError.Task.WaitAsync(Limit));
        Assert.Equal(64, handler.FrameErrors.Single().Raw.Length);
        await Assert.ThrowsAsync<IOException>(async () => await client.ReceiveFrameAsync().AsTask().WaitAsync(Limit));
        await handler.FirstDisconnect.Task.WaitAsync(Limit);
    }

    [Fact]
    public async Task Junk_is_reported_and_the_next_frame_served()
    {
        var handler = new TestHandler();
        await using var listener = await StartAsync(handler);
        using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(listener.LocalEndPoint);

        await socket.SendAsync((byte[])[.. "hello?"u8, .. MllpBytes.Frame(Order("AFTERJUNK"))]);
        var buffer = new byte[4096];
        var framer = new MllpFramer();
        var results = new List<MllpFramerResult>();
        while (results.Count == 0)
        {
            var n = await socket.ReceiveAsync(buffer).WaitAsync(Limit);
            Assert.NotEqual(0, n);
            framer.Feed(buffer.AsSpan(0, n), results);
        }

        Assert.Equal("AFTERJUNK", Ack(results.Single().Data).MessageControlId);
        var junk = handler.FrameErrors.Single();
        Assert.Equal((MllpFrameError.JunkBeforeStart, "hello?"), (junk.Error, Encoding.ASCII.GetString(junk.Raw)));
    }

    [Fact]
    public async Task An_idle_connection_is_closed_after_the_timeout()
    {
        var handler = new TestHandler();
        await using var listener = await StartAsync(handler, MllpListenerOptions.Default with { IdleTimeout = TimeSpan.FromMilliseconds(150) });
        await using var client = await MllpClient.ConnectAsync("127.0.0.1", listener.LocalEndPoint.Port);
        Ack(await client.SendAsync(Order("BEFORE-IDLE")).WaitAsync(Limit));

        await Assert.ThrowsAsync<IOException>(async () => await client.ReceiveFrameAsync().AsTask().WaitAsync(Limit));
        await handler.FirstDisconnect.Task.WaitAsync(Limit);
    }

    [Fact]
    public async Task Serves_200_concurrent_connections()
    {
        var handler = new TestHandler();
        await using var listener = await StartAsync(handler);
        var port = listener.LocalEndPoint.Port;

        var acks = await Task.WhenAll(Enumerable.Range(0, 200).Select(async i =>
        {
            await using var client = await MllpClient.ConnectAsync("127.0.0.1", port);
            return Ack(await client.SendAsync(Order($"CONN{i}")));
        })).WaitAsync(Limit);

        Assert.Equal(Enumerable.Range(0, 200).Select(i => $"CONN{i}"), acks.Select(a => a.MessageControlId));
        Assert.All(acks, a => Assert.Equal(AckCode.AA, a.AckCode));
        Assert.Equal(200, listener.AcceptedConnections);
    }

    [Fact]
    public async Task Stop_closes_open_connections()
    {
        var handler = new TestHandler();
        var listener = await StartAsync(handler);
        await using var client = await MllpClient.ConnectAsync("127.0.0.1", listener.LocalEndPoint.Port);
        Ack(await client.SendAsync(Order("ONE")).WaitAsync(Limit));

        await listener.StopAsync().WaitAsync(Limit);

        Assert.Equal(0, listener.ActiveConnections);
        await Assert.ThrowsAsync<IOException>(async () => await client.ReceiveFrameAsync().AsTask().WaitAsync(Limit));
        await listener.DisposeAsync();
    }
}
