using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace ActorBroker.Hl7.Mllp;

/// <summary>
/// An MLLP server: accepts connections, de-frames, calls the handler, writes replies in arrival
/// order per connection (pipelining up to <see cref="MllpListenerOptions.MaxInFlightPerConnection"/>
/// outstanding calls), closes idle connections and connections that send an oversize frame.
/// Plain sockets and pooled buffers: two small loops per connection, so hundreds of connections
/// cost little.
/// </summary>
// HL7 2.5.1 Appendix C (MLLP release 1), C.3 (lower layer protocol: one message, one reply, in order)
public sealed class MllpListener : IAsyncDisposable
{
    private static long s_connectionIds;

    private readonly MllpListenerOptions _options;
    private readonly IMllpHandler _handler;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<long, MllpConnection> _connections = new();
    private readonly CancellationTokenSource _stopping = new();
    private Socket? _socket;
    private Task? _acceptLoop;
    private int _stopped;
    private long _accepted;

    public MllpListener(MllpListenerOptions options, IMllpHandler handler, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxInFlightPerConnection, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxMessageBytes, 1);
        _options = options;
        _handler = handler;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>The bound end point (the real port when <see cref="MllpListenerOptions.Port"/> was 0).</summary>
    public IPEndPoint LocalEndPoint => (IPEndPoint?)_socket?.LocalEndPoint ?? throw new InvalidOperationException("not started");

    /// <summary>Connections currently open.</summary>
    public int ActiveConnections => _connections.Count;

    /// <summary>Total connections accepted since start.</summary>
    public long AcceptedConnections => Interlocked.Read(ref _accepted);

    /// <summary>Binds and starts accepting; returns once the socket listens.</summary>
    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (_socket is not null)
        {
            throw new InvalidOperationException("already started");
        }

        var address = _options.Host is "localhost" ? IPAddress.Loopback : IPAddress.Parse(_options.Host);
        var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            socket.Bind(new IPEndPoint(address, _options.Port));
            socket.Listen(_options.Backlog);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        _socket = socket;
        _acceptLoop = Task.Run(AcceptLoopAsync, CancellationToken.None);
        return Task.CompletedTask;
    }

    /// <summary>Stops accepting, closes every connection (in-flight handler calls are cancelled) and waits for them to end.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }

        await _stopping.CancelAsync();
        _socket?.Dispose();
        if (_acceptLoop is not null)
        {
            await _acceptLoop.WaitAsync(cancellationToken);
        }

        var running = _connections.Values.Select(c => c.Close()).ToArray();
        await Task.WhenAll(running).WaitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stopping.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        var socket = _socket!;
        while (!_stopping.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await socket.AcceptAsync(_stopping.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException && _stopping.IsCancellationRequested)
            {
                break;
            }
            catch (SocketException)
            {
                continue; // a connection reset while queued: keep accepting
            }

            client.NoDelay = true;
            Interlocked.Increment(ref _accepted);
            var info = new MllpConnectionInfo(
                Interlocked.Increment(ref s_connectionIds),
                (IPEndPoint)client.RemoteEndPoint!,
                (IPEndPoint)client.LocalEndPoint!,
                _time.GetUtcNow());
            var connection = new MllpConnection(client, info, _options, _handler, _time, _stopping.Token);
            _connections[info.Id] = connection;
            _ = RunConnectionAsync(connection);
        }
    }

    private async Task RunConnectionAsync(MllpConnection connection)
    {
        try
        {
            await connection.RunAsync();
        }
        finally
        {
            _connections.TryRemove(connection.Info.Id, out _);
        }
    }
}
