using System.Buffers;
using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;
using ActorBroker.Hl7.Threading;

namespace ActorBroker.Hl7.Mllp;

/// <summary>
/// An outbound MLLP connection for pipelined sending: <see cref="SendAsync"/> writes one frame
/// and returns without waiting for a reply; a receive loop reads every reply frame and publishes
/// it on <see cref="Acks"/> as it arrives. Nothing here assumes replies come in the order the
/// messages went out, or one per message: receivers re-ACK earlier messages (node-hl7-server
/// keeps its buffer on a kept-open connection), answer out of order, or send garbage. The caller
/// matches by MSA-2 and owns timeouts and retries.
/// <para>
/// <see cref="Acks"/> completes when the connection ends: with an <see cref="IOException"/> when the
/// peer closes it (cleanly or in the middle of a frame) or the socket fails, with an
/// <see cref="InvalidDataException"/> after a reply larger than the frame limit (the connection is
/// then closed: the stream cannot be resynchronised), and without an exception after
/// <see cref="DisposeAsync"/>. A send that fails closes the connection too, so that the reader
/// learns of it from the same place.
/// </para>
/// <para>
/// Replies are read on a thread of the connection's own, blocked in the kernel until bytes arrive.
/// A sender that waits for each ACK before the next message is bound by how soon the reply is seen:
/// read through the thread pool it waits first for the socket engine's thread and then for a pool
/// thread, and on a busy node each of those waits for a core (measured: 0.45-1 ms per round trip
/// under MPPS load, against 0.15-0.3 ms idle). A reader slice (see
/// <see cref="ThreadLatency.TryRequestShortSlice"/>) lets the woken reader pre-empt the running
/// thread instead of waiting for its slice to end.
/// </para>
/// <para>
/// The socket stays in blocking mode: it is connected and written with synchronous calls, never an
/// asynchronous one, after which .NET would keep it non-blocking and registered with its socket engine.
/// A blocking read then waits in the kernel, which wakes the reader when a reply arrives; on a
/// non-blocking socket the read waits on an event the socket engine's thread sets, two wake-ups and a
/// lock per reply instead of one (measured under MPPS load: the reader's context switches fell from ~4
/// to 1 per reply and the broker's thread pool was pre-empted ~7 times less often). Small frames are
/// written on the caller's thread (they fit in the socket's buffer, so the write does not wait for the
/// peer); a frame larger than <see cref="InlineSendBytes"/> is written from a pool thread, so that a
/// caller that also reads replies (see <see cref="OnReaderThread"/>) cannot block on a peer that is
/// itself blocked writing replies nobody reads. A write the peer does not take within
/// <see cref="SendTimeout"/> fails the connection.
/// </para>
/// </summary>
// HL7 2.5.1 Appendix C (MLLP release 1), ch. 2.9 (acknowledgments; MSA-2 names the message acknowledged)
public sealed class MllpSenderConnection : IAsyncDisposable
{
    /// <summary>Default reply size limit: an ACK is a few hundred bytes; 1 MiB leaves room for verbose ERR segments.</summary>
    public const int DefaultMaxFrameBytes = 1024 * 1024;

    /// <summary>Frames up to this size are written on the caller's thread (16 KiB: Linux's initial TCP send buffer).</summary>
    public const int InlineSendBytes = 16 * 1024;

    /// <summary>How long a write may wait for the peer to take its bytes before the connection is failed.</summary>
    public static readonly TimeSpan SendTimeout = TimeSpan.FromSeconds(30);

    private const int ReceiveBufferBytes = 16 * 1024;

    [ThreadStatic]
    private static bool t_readerThread;

    private readonly Socket _socket;
    private readonly MllpFramer _framer;
    // Synchronous continuations: a reader waiting for the next reply runs on the receive loop as the reply is
    // written, instead of being queued to the thread pool. The reply is latency-bound (a sender that waits for each
    // ACK before the next message pays every hop twice per message), and a reader that only hands the reply on
    // returns at once.
    private readonly Channel<ReceivedAck> _acks =
        Channel.CreateUnbounded<ReceivedAck>(new UnboundedChannelOptions { SingleWriter = true, SingleReader = false, AllowSynchronousContinuations = true });
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly Task _receiveLoop;
    private Exception? _fault;
    private int _closed;
    private int _disposed;

    private MllpSenderConnection(Socket socket, int maxFrameBytes, TimeSpan readerSlice)
    {
        _socket = socket;
        _framer = new MllpFramer(maxFrameBytes);
        LocalEndPoint = (IPEndPoint)socket.LocalEndPoint!;
        RemoteEndPoint = (IPEndPoint)socket.RemoteEndPoint!;
        var ended = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _receiveLoop = ended.Task;
        new Thread(() =>
        {
            t_readerThread = true;
            if (readerSlice > TimeSpan.Zero)
            {
                ThreadLatency.TryRequestShortSlice(readerSlice);
            }

            try
            {
                ReceiveLoop();
            }
            catch (Exception e)
            {
                // Nothing may escape a thread of our own (it would end the process): the connection ends with the reason.
                Abort(e);
                _acks.Writer.TryComplete(e);
            }
            finally
            {
                ended.TrySetResult();
            }
        })
        {
            IsBackground = true,
            Name = "mllp-ack-reader",
        }.Start();
    }

    /// <summary>
    /// True on a connection's reply reader thread. What a reply wakes there (the synchronous continuations of
    /// <see cref="Acks"/>) may run on it: an outbox that sends its next message as an ACK arrives then does so without
    /// waking another thread.
    /// </summary>
    public static bool OnReaderThread => t_readerThread;

    public IPEndPoint LocalEndPoint { get; }

    public IPEndPoint RemoteEndPoint { get; }

    /// <summary>Every reply frame (and framing problem) in arrival order; completes when the connection ends (see the class remarks).</summary>
    public ChannelReader<ReceivedAck> Acks => _acks.Reader;

    /// <summary>Completes when the connection has ended (faulted with the reason, as <see cref="Acks"/> completes).</summary>
    public Task Completion => _acks.Reader.Completion;

    /// <summary>False once the connection has ended for any reason.</summary>
    public bool IsConnected => Volatile.Read(ref _closed) == 0 && !_acks.Reader.Completion.IsCompleted;

    /// <summary>True when TCP Nagle is off (set on connect: an ACK exchange is latency-bound).</summary>
    internal bool NoDelay => _socket.NoDelay;

    /// <summary>The socket's descriptor (tests read its flags; .NET then treats the handle as exposed).</summary>
    internal nint SocketHandle => _socket.Handle;

    /// <summary>Connects with the default reply size limit (<see cref="DefaultMaxFrameBytes"/>).</summary>
    public static Task<MllpSenderConnection> ConnectAsync(string host, int port, CancellationToken cancellationToken = default) =>
        ConnectAsync(host, port, DefaultMaxFrameBytes, cancellationToken);

    /// <summary>Connects (TCP NoDelay and keep-alive on), accepting reply frames up to <paramref name="maxFrameBytes"/>.</summary>
    public static Task<MllpSenderConnection> ConnectAsync(string host, int port, int maxFrameBytes, CancellationToken cancellationToken = default) =>
        ConnectAsync(host, port, maxFrameBytes, TimeSpan.Zero, cancellationToken);

    /// <summary>
    /// Connects (TCP NoDelay and keep-alive on), accepting reply frames up to <paramref name="maxFrameBytes"/>; the reply
    /// reader asks for <paramref name="readerSlice"/> as its scheduler slice (zero: the system's default).
    /// </summary>
    public static async Task<MllpSenderConnection> ConnectAsync(string host, int port, int maxFrameBytes, TimeSpan readerSlice, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(host);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxFrameBytes, 1);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            // Keep-alive: a peer that vanished without a FIN is found even while nothing is being sent.
            socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true);
            socket.SendTimeout = (int)SendTimeout.TotalMilliseconds;
            // Synchronous, on a pool thread: an asynchronous connect would leave the socket non-blocking (see the
            // class remarks). Cancelling closes the socket, which ends the connect.
            using (cancellationToken.Register(static s => ((Socket)s!).Dispose(), socket))
            {
                await Task.Run(() => socket.Connect(host, port), CancellationToken.None);
            }
        }
        catch (Exception e) when (cancellationToken.IsCancellationRequested && e is SocketException or ObjectDisposedException)
        {
            socket.Dispose();
            throw new OperationCanceledException("connecting was cancelled", e, cancellationToken);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        return new MllpSenderConnection(socket, maxFrameBytes, readerSlice);
    }

    /// <summary>
    /// Writes one framed message (concurrent calls are serialised; frames never interleave).
    /// Does not wait for the reply: that arrives on <see cref="Acks"/>. A failure (the peer not
    /// taking the bytes within <see cref="SendTimeout"/> among them) closes the connection (half a
    /// frame on the wire would corrupt the next one) and throws: <see cref="IOException"/> for a
    /// socket failure or a connection that has already ended. <paramref name="cancellationToken"/>
    /// cancels only the wait for another send to finish: a frame once begun is written whole.
    /// </summary>
    public async ValueTask SendAsync(ReadOnlyMemory<byte> message, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) == 1, this);
        await _sendLock.WaitAsync(cancellationToken);
        var buffer = ArrayPool<byte>.Shared.Rent(message.Length + MllpBytes.Overhead);
        try
        {
            if (!IsConnected)
            {
                throw new IOException("the MLLP connection has ended", _fault);
            }

            var length = MllpBytes.Frame(message.Span, buffer);
            // A blocking socket's Send returns once every byte is in the kernel's buffer (or fails, after SendTimeout).
            if (length <= InlineSendBytes)
            {
                _socket.Send(buffer, 0, length, SocketFlags.None);
            }
            else
            {
                await Task.Run(() => _socket.Send(buffer, 0, length, SocketFlags.None), CancellationToken.None);
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            var failure = new IOException($"sending to {RemoteEndPoint} failed: {e.Message}", e);
            Abort(failure);
            throw failure;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            _sendLock.Release();
        }
    }

    /// <summary>Closes the connection; <see cref="Acks"/> completes without an exception (unless it had already failed).</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        CloseSocket();
        try
        {
            await _receiveLoop;
        }
        finally
        {
            _framer.Dispose();
            _sendLock.Dispose();
        }
    }

    // Runs on the reader thread until the connection ends; DisposeAsync and Abort end a blocked Receive by closing the socket.
    private void ReceiveLoop()
    {
        var buffer = ArrayPool<byte>.Shared.Rent(ReceiveBufferBytes);
        var results = new List<MllpFramerResult>();
        Exception? failure = null;
        try
        {
            while (failure is null)
            {
                int read;
                try
                {
                    read = _socket.Receive(buffer, SocketFlags.None);
                }
                catch (Exception e) when (e is SocketException or ObjectDisposedException)
                {
                    failure = Volatile.Read(ref _disposed) == 1
                        ? null
                        : Volatile.Read(ref _fault) ?? new IOException($"receiving from {RemoteEndPoint} failed: {e.Message}", e);
                    break;
                }

                if (read == 0)
                {
                    // Our own DisposeAsync marks itself disposed, then shuts the socket down: a blocked receive then ends
                    // with 0 bytes (or an error, above), and that is a clean close, not the peer's.
                    failure = Volatile.Read(ref _disposed) == 1
                        ? null
                        : Volatile.Read(ref _fault) ?? new IOException(_framer.InFrame
                        ? $"connection closed by the peer {RemoteEndPoint} in the middle of a reply ({_framer.PendingBytes} bytes received)"
                        : $"connection closed by the peer {RemoteEndPoint}");
                    break;
                }

                _framer.Feed(buffer.AsSpan(0, read), results);
                foreach (var result in results)
                {
                    if (result.IsFrame)
                    {
                        _acks.Writer.TryWrite(ReceivedAck.FromFrame(result.Data));
                    }
                    else if (result.Error == MllpFrameError.Oversize)
                    {
                        failure = new InvalidDataException($"reply from {RemoteEndPoint} larger than {result.Data.Length} bytes: the connection was closed");
                        break;
                    }
                    else
                    {
                        _acks.Writer.TryWrite(new ReceivedAck(null, Describe(result.Error!.Value, result.Data.Length), result.Data));
                    }
                }

                results.Clear();
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            if (failure is not null)
            {
                Abort(failure);
            }

            _acks.Writer.TryComplete(failure);
        }
    }

    private static string Describe(MllpFrameError error, int bytes) => error switch
    {
        MllpFrameError.JunkBeforeStart => $"{bytes} bytes outside an MLLP frame (skipped)",
        MllpFrameError.IncompleteFrame => $"an abandoned reply frame ({bytes} bytes before a new start block)",
        _ => $"framing error {error} ({bytes} bytes)",
    };

    private void Abort(Exception reason)
    {
        Interlocked.CompareExchange(ref _fault, reason, null);
        CloseSocket();
    }

    private void CloseSocket()
    {
        if (Interlocked.Exchange(ref _closed, 1) == 1)
        {
            return;
        }

        try
        {
            _socket.Shutdown(SocketShutdown.Both);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
        }

        _socket.Dispose();
    }
}
