using System.Globalization;
using System.Text;
using System.Threading.Channels;
using ActorBroker.Hl7.Mllp;

namespace ActorBroker.Hl7.Tests.Mllp;

public sealed class MllpSenderConnectionTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(15);

    private static byte[] Status(string controlId, string accession = "ACC1") =>
        TestSamples.Er7(
            $"MSH|^~\\&|ACTORBROKER|RAD|EPIC|MAINHOSP|20261128093000+0000||ORM^O01^ORM_O01|{controlId}|P|2.5.1",
            "PID|1||E1^^^EPI^MR||NÚÑEZ^JOSÉ",
            $"ORC|SC|PL1|{accession}||IP",
            $"OBR|1|PL1|{accession}|IMG1^CT HEAD^EAP||||||||||||||{accession}|RP1");

    private static async Task<(RawMllpPeer Peer, MllpSenderConnection Sender)> ConnectAsync(int maxFrameBytes = MllpSenderConnection.DefaultMaxFrameBytes)
    {
        var peer = new RawMllpPeer();
        var connecting = MllpSenderConnection.ConnectAsync("127.0.0.1", peer.Port, maxFrameBytes);
        await peer.AcceptAsync();
        return (peer, await connecting.WaitAsync(Limit));
    }

    private static async Task<ReceivedAck> NextAsync(MllpSenderConnection sender) =>
        await sender.Acks.ReadAsync().AsTask().WaitAsync(Limit);

    [Fact]
    public async Task Connects_with_nagle_off_and_writes_one_frame_per_message_byte_for_byte()
    {
        var (peer, sender) = await ConnectAsync();
        await using var _ = peer;
        await using var __ = sender;

        var message = Status("C1");
        await sender.SendAsync(message);
        var received = await peer.ReadMessageAsync();

        Assert.True(sender.NoDelay);
        Assert.True(sender.IsConnected);
        Assert.Equal(message, received.Raw.ToArray());
        Assert.Equal("NÚÑEZ", received.Find("PID")!.Value.Get(5, 1));
    }

    [Fact]
    public async Task Replies_are_read_on_a_thread_of_its_own_that_asks_for_the_slice_it_was_given()
    {
        var peer = new RawMllpPeer();
        await using var _ = peer;
        var connecting = MllpSenderConnection.ConnectAsync("127.0.0.1", peer.Port, MllpSenderConnection.DefaultMaxFrameBytes, TimeSpan.FromMilliseconds(0.3));
        await peer.AcceptAsync();
        await using var sender = await connecting.WaitAsync(Limit);

        await sender.SendAsync(Status("C1"));
        await peer.WriteAsync(MllpBytes.Frame(Hl7AckBuilder.Build(await peer.ReadMessageAsync(), AckCode.AA)));
        Assert.Equal("C1", (await NextAsync(sender)).Ack!.MessageControlId);

        if (OperatingSystem.IsLinux())
        {
            // Other tests' connections have readers too (default slice): this one is the reader with 0.3 ms.
            var readers = ReaderSlices();
            Assert.Contains(TimeSpan.FromMilliseconds(0.3), readers);
            await sender.DisposeAsync();

            // The reader has finished its work when DisposeAsync returns; its thread leaves /proc a moment later.
            var deadline = DateTime.UtcNow + Limit;
            while (ReaderSlices().Contains(TimeSpan.FromMilliseconds(0.3)) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(10);
            }

            Assert.DoesNotContain(TimeSpan.FromMilliseconds(0.3), ReaderSlices());
        }
    }

    private static List<TimeSpan> ReaderSlices() =>
        Directory.GetDirectories("/proc/self/task")
            .Where(t => File.Exists(Path.Combine(t, "comm")) && File.ReadAllText(Path.Combine(t, "comm")).Trim() == "mllp-ack-reader")
            .Select(t => ActorBroker.Hl7.Threading.ThreadLatency.TryGetSlice(int.Parse(Path.GetFileName(t), CultureInfo.InvariantCulture), out var slice) ? slice : TimeSpan.Zero)
            .ToList();

    [Fact]
    public async Task Pipelined_acks_that_come_back_out_of_order_are_each_delivered_with_their_msa_2()
    {
        var (peer, sender) = await ConnectAsync();
        await using var _ = peer;
        await using var __ = sender;

        for (var i = 1; i <= 3; i++)
        {
            await sender.SendAsync(Status($"C{i}", $"ACC{i}"));
        }

        var sent = new List<Hl7Message>();
        for (var i = 0; i < 3; i++)
        {
            sent.Add(await peer.ReadMessageAsync());
        }

        // Reverse order, and all three in one TCP write.
        var acks = new[] { sent[2], sent[0], sent[1] }.SelectMany(m => MllpBytes.Frame(Hl7AckBuilder.Build(m, m.MessageControlId == "C1" ? AckCode.AE : AckCode.AA))).ToArray();
        await peer.WriteAsync(acks);

        var got = new List<Hl7Ack>();
        for (var i = 0; i < 3; i++)
        {
            got.Add((await NextAsync(sender)).Ack!);
        }

        Assert.Equal(["C3", "C1", "C2"], got.Select(a => a.MessageControlId));
        Assert.Equal([AckCode.AA, AckCode.AE, AckCode.AA], got.Select(a => a.AckCode));
    }

    [Fact]
    public async Task A_re_ack_of_an_earlier_message_is_delivered_again_for_the_caller_to_ignore()
    {
        var (peer, sender) = await ConnectAsync();
        await using var _ = peer;
        await using var __ = sender;

        await sender.SendAsync(Status("C1"));
        var first = await peer.ReadMessageAsync();
        await peer.AckAsync(first);
        Assert.Equal("C1", (await NextAsync(sender)).Ack!.MessageControlId);

        // node-hl7-server 2.5.0 on a kept-open connection: the second reply repeats the first ACK before its own.
        await sender.SendAsync(Status("C2"));
        var second = await peer.ReadMessageAsync();
        await peer.WriteAsync([.. MllpBytes.Frame(Hl7AckBuilder.Build(first, AckCode.AA)), .. MllpBytes.Frame(Hl7AckBuilder.Build(second, AckCode.AA))]);

        Assert.Equal("C1", (await NextAsync(sender)).Ack!.MessageControlId);
        Assert.Equal("C2", (await NextAsync(sender)).Ack!.MessageControlId);
    }

    [Fact]
    public async Task Garbled_replies_are_reported_with_their_bytes_and_the_connection_keeps_going()
    {
        var (peer, sender) = await ConnectAsync();
        await using var _ = peer;
        await using var __ = sender;

        await sender.SendAsync(Status("C1"));
        var sent = await peer.ReadMessageAsync();
        var notHl7 = Encoding.ASCII.GetBytes("HELLO WORLD");
        var noMsa = TestSamples.Er7("MSH|^~\\&|EPIC|MAINHOSP|ACTORBROKER|RAD|20261128093000||ACK^O01|A1|P|2.5.1");
        var badCode = TestSamples.Er7("MSH|^~\\&|EPIC|MAINHOSP|ACTORBROKER|RAD|20261128093000||ACK^O01|A2|P|2.5.1", "MSA|OK|C1");
        await peer.WriteAsync([
            .. MllpBytes.Frame(notHl7),
            .. Encoding.ASCII.GetBytes("junk"),
            .. MllpBytes.Frame(noMsa),
            .. MllpBytes.Frame(badCode),
            .. MllpBytes.Frame(Hl7AckBuilder.Build(sent, AckCode.AA)),
        ]);

        var garbage = await NextAsync(sender);
        Assert.False(garbage.IsAck);
        Assert.Contains("not an HL7 message", garbage.Error, StringComparison.Ordinal);
        Assert.Equal(notHl7, garbage.Raw);

        var junk = await NextAsync(sender);
        Assert.Contains("outside an MLLP frame", junk.Error, StringComparison.Ordinal);
        Assert.Equal("junk"u8.ToArray(), junk.Raw);

        var missing = await NextAsync(sender);
        Assert.Contains("no MSA", missing.Error, StringComparison.Ordinal);
        Assert.Equal(noMsa, missing.Raw);

        var unknown = await NextAsync(sender);
        Assert.Contains("MSA-1 'OK'", unknown.Error, StringComparison.Ordinal);

        var good = await NextAsync(sender);
        Assert.True(good.IsAck);
        Assert.Null(good.Error);
        Assert.Equal("C1", good.Ack!.MessageControlId);
        Assert.True(sender.IsConnected);
    }

    [Fact]
    public async Task The_peer_closing_in_the_middle_of_a_reply_completes_the_channel_with_an_IOException()
    {
        var (peer, sender) = await ConnectAsync();
        await using var _ = peer;
        await using var __ = sender;

        await sender.SendAsync(Status("C1"));
        await sender.SendAsync(Status("C2"));
        var first = await peer.ReadMessageAsync();
        var framed = MllpBytes.Frame(Hl7AckBuilder.Build(first, AckCode.AA));
        await peer.WriteAsync([.. framed, .. framed.AsSpan(0, 20)]);
        peer.Close();

        Assert.Equal("C1", (await NextAsync(sender)).Ack!.MessageControlId);
        var error = await Assert.ThrowsAsync<IOException>(() => sender.Completion.WaitAsync(Limit));
        Assert.Contains("middle of a reply (19 bytes received)", error.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ChannelClosedException>(async () => await sender.Acks.ReadAsync());
        Assert.False(sender.IsConnected);
        await Assert.ThrowsAsync<IOException>(async () => await sender.SendAsync(Status("C3")));
    }

    [Fact]
    public async Task The_peer_closing_between_replies_ends_the_connection_too()
    {
        var (peer, sender) = await ConnectAsync();
        await using var _ = peer;
        await using var __ = sender;

        peer.Close();

        var error = await Assert.ThrowsAsync<IOException>(() => sender.Completion.WaitAsync(Limit));
        Assert.Contains("connection closed by the peer", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("middle", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reply_over_the_frame_limit_closes_the_connection_with_InvalidDataException()
    {
        var (peer, sender) = await ConnectAsync(maxFrameBytes: 64);
        await using var _ = peer;
        await using var __ = sender;

        await sender.SendAsync(Status("C1"));
        var sent = await peer.ReadMessageAsync();
        await peer.WriteAsync(MllpBytes.Frame(Hl7AckBuilder.Build(sent, AckCode.AA, textMessage: new string('x', 70))));

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => sender.Completion.WaitAsync(Limit));
        Assert.Contains("larger than 64 bytes", error.Message, StringComparison.Ordinal);
        Assert.True(await peer.SenderClosedAsync());
    }

    [Fact]
    public async Task Disposing_completes_the_channel_without_an_exception_and_closes_the_socket()
    {
        var (peer, sender) = await ConnectAsync();
        await using var _ = peer;

        await sender.DisposeAsync();

        await sender.Completion.WaitAsync(Limit);
        Assert.True(sender.Acks.Completion.IsCompletedSuccessfully);
        Assert.True(await peer.SenderClosedAsync());
        await Assert.ThrowsAsync<ObjectDisposedException>(async () => await sender.SendAsync(Status("C1")));
        await sender.DisposeAsync(); // twice is fine
    }

    [Fact]
    public async Task Concurrent_sends_never_interleave_frames()
    {
        var (peer, sender) = await ConnectAsync();
        await using var _ = peer;
        await using var __ = sender;
        const int count = 40;

        // Big enough that one frame takes several socket writes.
        var big = new string('A', 200_000);
        var sends = Enumerable.Range(0, count)
            .Select(i => Task.Run(async () => await sender.SendAsync(TestSamples.Er7(
                $"MSH|^~\\&|ACTORBROKER|RAD|EPIC|MAINHOSP|20261128093000||ORU^R01|C{i}|P|2.5.1",
                $"OBX|1|TX|X||{big}"))))
            .ToArray();

        var received = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var message = await peer.ReadMessageAsync();
            Assert.Equal(big, message.Find("OBX")!.Value.Get(5));
            received.Add(message.MessageControlId);
        }

        await Task.WhenAll(sends).WaitAsync(Limit);
        Assert.Equal(Enumerable.Range(0, count).Select(i => $"C{i}").Order(), received.Order());
    }

    [Fact]
    public async Task Against_the_project_listener_every_pipelined_message_gets_its_ack_by_msa_2()
    {
        const int count = 25;
        var handler = new TestHandler
        {
            // AE for every third message: the reply code travels with its control id.
            OnFrame = (_, frame, _) =>
            {
                var message = Hl7Message.Parse(frame);
                var n = int.Parse(message.MessageControlId.AsSpan(1), CultureInfo.InvariantCulture);
                return ValueTask.FromResult<ReadOnlyMemory<byte>>(Hl7AckBuilder.Build(message, n % 3 == 0 ? AckCode.AE : AckCode.AA));
            },
        };
        await using var listener = new MllpListener(MllpListenerOptions.Default with { MaxInFlightPerConnection = 4 }, handler);
        await listener.StartAsync();
        await using var sender = await MllpSenderConnection.ConnectAsync("127.0.0.1", listener.LocalEndPoint.Port);

        for (var i = 0; i < count; i++)
        {
            await sender.SendAsync(Status($"C{i}", $"ACC{i}"));
        }

        var acks = new Dictionary<string, AckCode>();
        while (acks.Count < count)
        {
            var received = await NextAsync(sender);
            Assert.True(received.IsAck, received.Error);
            acks.Add(received.Ack!.MessageControlId, received.Ack.AckCode);
        }

        for (var i = 0; i < count; i++)
        {
            Assert.Equal(i % 3 == 0 ? AckCode.AE : AckCode.AA, acks[$"C{i}"]);
        }
    }

    [Fact]
    public async Task The_socket_stays_in_blocking_mode_through_connect_sends_and_replies()
    {
        var (peer, sender) = await ConnectAsync();
        await using var _ = peer;
        await using var __ = sender;

        await sender.SendAsync(Status("C1"));
        await peer.AckAsync(await peer.ReadMessageAsync());
        Assert.Equal("C1", (await NextAsync(sender)).Ack!.MessageControlId);
        await sender.SendAsync(Status("C2"));
        await peer.ReadMessageAsync();

        if (OperatingSystem.IsLinux())
        {
            // An asynchronous call would have made .NET set O_NONBLOCK for good (the reader would then wait on the
            // socket engine instead of the kernel).
            var flags = Fcntl((int)sender.SocketHandle, FGetFl, 0);
            Assert.True(flags >= 0, "fcntl failed");
            Assert.Equal(0, flags & ONonBlock);
        }
    }

    [Fact]
    public async Task A_frame_larger_than_the_inline_limit_is_written_whole_and_replies_keep_coming()
    {
        var (peer, sender) = await ConnectAsync();
        await using var _ = peer;
        await using var __ = sender;
        var note = new string('x', 200_000);
        var big = TestSamples.Er7(
            "MSH|^~\\&|ACTORBROKER|RAD|EPIC|MAINHOSP|20261128093000+0000||ORU^R01^ORU_R01|BIG1|P|2.5.1",
            "PID|1||E1^^^EPI^MR||NÚÑEZ^JOSÉ",
            "OBR|1|PL1|ACC1|IMG1^CT HEAD^EAP",
            "OBX|1|TX|IMP^Impression||" + note);
        Assert.True(big.Length > MllpSenderConnection.InlineSendBytes * 10);

        await sender.SendAsync(big);
        var received = await peer.ReadMessageAsync();
        await peer.AckAsync(received);

        Assert.Equal(big, received.Raw.ToArray());
        Assert.Equal("BIG1", (await NextAsync(sender)).Ack!.MessageControlId);
        await sender.SendAsync(Status("C2"));
        Assert.Equal("C2", (await peer.ReadMessageAsync()).Find("MSH")!.Value.Get(10));
    }

    [Fact]
    public async Task What_a_reply_wakes_runs_on_the_reader_thread_which_says_so()
    {
        var (peer, sender) = await ConnectAsync();
        await using var _ = peer;
        await using var __ = sender;
        Assert.False(MllpSenderConnection.OnReaderThread);

        var woken = ReadOnReader(sender);
        await sender.SendAsync(Status("C1"));
        await peer.AckAsync(await peer.ReadMessageAsync());
        var (controlId, onReader, threadName) = await woken.WaitAsync(Limit);

        Assert.Equal("C1", controlId);
        Assert.True(onReader);
        Assert.Equal("mllp-ack-reader", threadName);
    }

    // ConfigureAwait(false): the continuation runs where the reply was written (the channel allows synchronous
    // continuations), not on the test framework's context.
    private static async Task<(string ControlId, bool OnReader, string? ThreadName)> ReadOnReader(MllpSenderConnection sender)
    {
        var reply = await sender.Acks.ReadAsync().ConfigureAwait(false);
        return (reply.Ack!.MessageControlId, MllpSenderConnection.OnReaderThread, Thread.CurrentThread.Name);
    }

    [Fact]
    public async Task A_cancelled_connect_throws_OperationCanceledException()
    {
        var peer = new RawMllpPeer();
        await using var _ = peer;
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => MllpSenderConnection.ConnectAsync("127.0.0.1", peer.Port, cancelled.Token).WaitAsync(Limit));
    }

    private const int FGetFl = 3;
    private const int ONonBlock = 0x800;

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "fcntl", SetLastError = true)]
    private static extern int Fcntl(int fd, int cmd, int arg);

    [Fact]
    public async Task Connecting_to_a_closed_port_throws_and_leaks_nothing()
    {
        int port;
        using (var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        }

        await Assert.ThrowsAnyAsync<System.Net.Sockets.SocketException>(() => MllpSenderConnection.ConnectAsync("127.0.0.1", port).WaitAsync(Limit));
    }

    [Fact]
    public void A_frame_that_parses_as_an_ack_carries_its_errors()
    {
        var reply = TestSamples.Er7(
            "MSH|^~\\&|EPIC|MAINHOSP|ACTORBROKER|RAD|20261128093000||ACK^O01|A9|P|2.5.1",
            "MSA|AR|C7|order unknown",
            "ERR||OBR^1^18|204^Unknown key identifier^HL70357|E||||order ACC1 unknown");

        var received = ReceivedAck.FromFrame(reply);

        Assert.True(received.IsAck);
        Assert.Equal(AckCode.AR, received.Ack!.AckCode);
        Assert.Equal("C7", received.Ack.MessageControlId);
        Assert.Equal("order unknown", received.Ack.Text);
        Assert.Equal(Hl7ErrorCode.UnknownKeyIdentifier, Assert.Single(received.Ack.Errors).Code);
    }
}
