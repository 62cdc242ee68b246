using System.Buffers;
using System.Net;
using System.Net.Sockets;

namespace ActorBroker.Hl7.Mllp;

/// <summary>
/// An MLLP client connection. <see cref="SendAsync"/> is the plain exchange (one message, its
/// reply; concurrent calls are serialised). For pipelining, call <see cref="SendFrameAsync"/>
/// from one task and <see cref="ReceiveFrameAsync"/> from another, and match replies by MSA-2.
/// A cancelled receive leaves the connection usable, but the reply it was waiting for will be
/// the next one received: after a timeout, match by MSA-2 or reconnect.
/// </summary>
// HL7 2.5.1 Appendix C (MLLP release 1)
public sealed class MllpClient : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly MllpFramer _framer;
    private readonly Queue<byte[]> _frames = new();
    private readonly List<MllpFramerResult> _results = [];
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly SemaphoreSlim _receiveLock = new(1, 1);
    private readonly SemaphoreSlim _exchangeLock = new(1, 1);
    private readonly byte[] _receiveBuffer = new byte[16 * 1024];
    private int _disposed;

    private MllpClient(Socket socket, int maxMessageBytes)
    {
        _socket = socket;
        _framer = new MllpFramer(maxMessageBytes);
    }

    public IPEndPoint LocalEndPoint => (IPEndPoint)_socket.LocalEndPoint!;

    public IPEndPoint RemoteEndPoint => (IPEndPoint)_socket.RemoteEndPoint!;

    /// <summary>Connects (TCP NoDelay on: an ACK exchange is latency-bound, not throughput-bound).</summary>
    public static Task<MllpClient> ConnectAsync(string host, int port, CancellationToken cancellationToken = default) =>
        ConnectAsync(host, port, 16 * 1024 * 1024, cancellationToken);

    /// <summary>Connects, accepting reply frames up to <paramref name="maxMessageBytes"/>.</summary>
    public static async Task<MllpClient> ConnectAsync(string host, int port, int maxMessageBytes, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(host);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(host, port, cancellationToken);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        return new MllpClient(socket, maxMessageBytes);
    }

    /// <summary>Sends one message and returns the next reply frame's payload.</summary>
    public async Task<byte[]> SendAsync(ReadOnlyMemory<byte> message, CancellationToken cancellationToken = default)
    {
        await _exchangeLock.WaitAsync(cancellationToken);
        try
        {
            await SendFrameAsync(message, cancellationToken);
            return await ReceiveFrameAsync(cancellationToken);
        }
        finally
        {
            _exchangeLock.Release();
        }
    }

    /// <summary>Sends one framed message without waiting for a reply.</summary>
    public async ValueTask SendFrameAsync(ReadOnlyMemory<byte> message, CancellationToken cancellationToken = default)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(message.Length + MllpBytes.Overhead);
        await _sendLock.WaitAsync(cancellationToken);
        try
        {
            var length = MllpBytes.Frame(message.Span, buffer);
            var sent = 0;
            while (sent < length)
            {
                sent += await _socket.SendAsync(buffer.AsMemory(sent, length - sent), SocketFlags.None, cancellationToken);
            }
        }
        finally
        {
            _sendLock.Release();
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// The next reply frame's payload. Throws <see cref="IOException"/> when the server closes the
    /// connection first, <see cref="InvalidDataException"/> for an oversize reply.
    /// </summary>
    public async ValueTask<byte[]> ReceiveFrameAsync(CancellationToken cancellationToken = default)
    {
        await _receiveLock.WaitAsync(cancellationToken);
        try
        {
            while (_frames.Count == 0)
            {
                var read = await _socket.ReceiveAsync(_receiveBuffer, SocketFlags.None, cancellationToken);
                if (read == 0)
                {
                    throw new IOException(_framer.InFrame
                        ? $"connection closed by the server in the middle of a reply ({_framer.PendingBytes} bytes received)"
                        : "connection closed by the server");
                }

                _framer.Feed(_receiveBuffer.AsSpan(0, read), _results);
                foreach (var result in _results)
                {
                    if (result.IsFrame)
                    {
                        _frames.Enqueue(result.Data);
                    }
                    else if (result.Error == MllpFrameError.Oversize)
                    {
                        throw new InvalidDataException($"reply larger than {result.Data.Length} bytes");
                    }
                }

                _results.Clear();
            }

            return _frames.Dequeue();
        }
        finally
        {
            _receiveLock.Release();
        }
    }

    public ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            try
            {
                _socket.Shutdown(SocketShutdown.Both);
            }
            catch (SocketException)
            {
            }

            _socket.Dispose();
            _framer.Dispose();
            _sendLock.Dispose();
            _receiveLock.Dispose();
            _exchangeLock.Dispose();
        }

        return ValueTask.CompletedTask;
    }
}
