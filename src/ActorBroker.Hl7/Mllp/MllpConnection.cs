using System.Buffers;
using System.Net.Sockets;
using System.Threading.Channels;

namespace ActorBroker.Hl7.Mllp;

/// <summary>
/// One accepted connection: a read loop (de-frame, start the handler call, queue its reply) and
/// a write loop (await replies in queue order, write them framed). The in-flight semaphore is
/// taken before a call starts and released once its reply is written, so at most
/// MaxInFlightPerConnection calls are outstanding and reading pauses while the window is full.
/// </summary>
// HL7 2.5.1 Appendix C.3 (replies in the order the messages were received)
internal sealed class MllpConnection : IDisposable
{
    private readonly Socket _socket;
    private readonly MllpListenerOptions _options;
    private readonly IMllpHandler _handler;
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _closing;
    private readonly SemaphoreSlim _window;
    // Synchronous continuations: a write loop waiting for the next reply runs on the read loop as the reply is
    // queued, instead of being queued to the thread pool. A reply that is already there (a handler that answers at
    // once) is then written without a thread hop; one still pending is awaited as before, and the read loop goes on.
    private readonly Channel<ValueTask<ReadOnlyMemory<byte>>> _replies =
        Channel.CreateUnbounded<ValueTask<ReadOnlyMemory<byte>>>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true, AllowSynchronousContinuations = true });
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _lastActivity;
    private ITimer? _idleTimer;
    private int _closed;

    public MllpConnection(Socket socket, MllpConnectionInfo info, MllpListenerOptions options, IMllpHandler handler, TimeProvider time, CancellationToken stopping)
    {
        _socket = socket;
        Info = info;
        _options = options;
        _handler = handler;
        _time = time;
        _closing = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        _window = new SemaphoreSlim(options.MaxInFlightPerConnection, options.MaxInFlightPerConnection);
        _lastActivity = time.GetTimestamp();
    }

    public MllpConnectionInfo Info { get; }

    private int InFlight => _options.MaxInFlightPerConnection - _window.CurrentCount;

    public async Task RunAsync()
    {
        try
        {
            SafeCall(() => _handler.OnConnected(Info));
            if (_options.IdleTimeout > TimeSpan.Zero)
            {
                _idleTimer = _time.CreateTimer(static s => ((MllpConnection)s!).CheckIdle(), this, _options.IdleTimeout, _options.IdleTimeout);
            }

            var writer = WriteLoopAsync();
            await ReadLoopAsync();
            await writer;
        }
        finally
        {
            if (_idleTimer is not null)
            {
                await _idleTimer.DisposeAsync();
            }

            CloseSocket();
            Dispose();
            SafeCall(() => _handler.OnDisconnected(Info));
            _done.TrySetResult();
        }
    }

    /// <summary>Closes the connection (pending handler calls see cancellation) and completes when it has ended.</summary>
    public Task Close()
    {
        CloseSocket();
        return _done.Task;
    }

    private async Task ReadLoopAsync()
    {
        var buffer = ArrayPool<byte>.Shared.Rent(_options.ReceiveBufferBytes);
        using var framer = new MllpFramer(_options.MaxMessageBytes);
        var results = new List<MllpFramerResult>();
        var ct = _closing.Token;
        try
        {
            while (true)
            {
                int read;
                try
                {
                    read = await _socket.ReceiveAsync(buffer, SocketFlags.None, ct);
                }
                catch (Exception e) when (e is SocketException or ObjectDisposedException or OperationCanceledException)
                {
                    break;
                }

                if (read == 0)
                {
                    framer.Complete(results);
                    await DispatchAsync(results, ct);
                    break;
                }

                Volatile.Write(ref _lastActivity, _time.GetTimestamp());
                framer.Feed(buffer.AsSpan(0, read), results);
                if (!await DispatchAsync(results, ct))
                {
                    break;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            _replies.Writer.TryComplete();
        }
    }

    /// <summary>Starts handler calls for the frames found; false when the connection must stop reading.</summary>
    private async ValueTask<bool> DispatchAsync(List<MllpFramerResult> results, CancellationToken ct)
    {
        try
        {
            foreach (var result in results)
            {
                if (!result.IsFrame)
                {
                    SafeCall(() => _handler.OnFrameError(Info, result.Error!.Value, result.Data));
                    if (result.Error == MllpFrameError.Oversize)
                    {
                        return false; // the rest of that frame cannot be resynchronised: close after earlier replies
                    }

                    continue;
                }

                try
                {
                    await _window.WaitAsync(ct);
                }
                catch (OperationCanceledException)
                {
                    return false;
                }

                // Each ValueTask is awaited exactly once, by the write loop, in arrival order.
#pragma warning disable CA2012
                _replies.Writer.TryWrite(InvokeAsync(result.Data, ct));
#pragma warning restore CA2012
            }

            return true;
        }
        finally
        {
            results.Clear();
        }
    }

    private async ValueTask<ReadOnlyMemory<byte>> InvokeAsync(byte[] frame, CancellationToken ct)
    {
        try
        {
            return await _handler.HandleAsync(Info, frame, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return ReadOnlyMemory<byte>.Empty; // closing: nobody to reply to
        }
        catch (Exception e)
        {
            SafeCall(() => _handler.OnHandlerError(Info, e));
            return ErrorAck(frame, e);
        }
    }

    private static byte[] ErrorAck(byte[] frame, Exception e)
    {
        var error = e is Hl7Exception h
            ? (h.Error, h.SuggestedAck)
            : (new Hl7Error(Hl7ErrorCode.ApplicationInternalError, null, $"internal error while handling the message ({e.GetType().Name})"), AckCode.AE);
        try
        {
            return Hl7Message.TryParse(frame, out var message, out var parseError)
                ? Hl7AckBuilder.Build(message, error.Item2, [error.Item1])
                : Hl7AckBuilder.BuildForUnparsable(frame, parseError.SuggestedAck, parseError.Error.Message, parseError.Error.Code);
        }
        catch (Exception)
        {
            return Hl7AckBuilder.BuildForUnparsable(frame, AckCode.AE, "internal error while handling the message", Hl7ErrorCode.ApplicationInternalError);
        }
    }

    private async Task WriteLoopAsync()
    {
        try
        {
            await foreach (var pending in _replies.Reader.ReadAllAsync())
            {
                var reply = await pending;
                try
                {
                    if (!reply.IsEmpty && !_closing.IsCancellationRequested)
                    {
                        await SendFramedAsync(reply);
                    }
                }
                finally
                {
                    Volatile.Write(ref _lastActivity, _time.GetTimestamp());
                    _window.Release();
                }
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // The peer went away: stop reading too, and drain what is queued so handler calls are observed.
            CloseSocket();
            while (_replies.Reader.TryRead(out var pending))
            {
                await pending;
            }
        }
    }

    private async ValueTask SendFramedAsync(ReadOnlyMemory<byte> reply)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(reply.Length + MllpBytes.Overhead);
        try
        {
            var length = MllpBytes.Frame(reply.Span, buffer);
            var sent = 0;
            while (sent < length)
            {
                sent += await _socket.SendAsync(buffer.AsMemory(sent, length - sent), SocketFlags.None, _closing.Token);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void CheckIdle()
    {
        if (Volatile.Read(ref _closed) == 1)
        {
            return;
        }

        var idle = _time.GetElapsedTime(Volatile.Read(ref _lastActivity));
        if (idle >= _options.IdleTimeout && InFlightSafe() == 0)
        {
            CloseSocket();
        }
    }

    private int InFlightSafe()
    {
        try
        {
            return InFlight;
        }
        catch (ObjectDisposedException)
        {
            return 0;
        }
    }

    private void CloseSocket()
    {
        if (Interlocked.Exchange(ref _closed, 1) == 1)
        {
            return;
        }

        try
        {
            _closing.Cancel();
        }
        catch (ObjectDisposedException)
        {
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

    public void Dispose()
    {
        _closing.Dispose();
        _window.Dispose();
    }

    private static void SafeCall(Action action)
    {
        try
        {
            action();
        }
        catch (Exception)
        {
            // A throwing notification callback must not take the connection down with it.
        }
    }
}
