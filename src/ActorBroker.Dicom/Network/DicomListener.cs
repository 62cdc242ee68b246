using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using ActorBroker.Dicom.Dimse;

namespace ActorBroker.Dicom.Network;

/// <summary>
/// A DICOM SCP endpoint: accepts TCP connections and runs one association per connection (PS3.8 9.2,
/// acceptor side) with the configured policy and service providers. Dispose to stop: open associations
/// are aborted (A-ABORT) and the call returns once every one has ended.
/// </summary>
public sealed class DicomListener : IAsyncDisposable
{
    private readonly DicomServiceOptions _options;
    private readonly DicomServiceProviders _providers;
    private readonly IDicomAssociationObserver? _observer;
    private readonly Socket _socket;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<long, DicomAssociation> _associations = new();
    private readonly ConcurrentDictionary<long, Task> _running = new();
    private readonly Task _acceptLoop;
    private long _nextId;
    private int _disposed;

    private DicomListener(DicomServiceOptions options, DicomServiceProviders providers, IDicomAssociationObserver? observer)
    {
        options.Policy.Validate();
        _options = options;
        _providers = providers;
        _observer = observer;
        var address = IPAddress.Parse(options.Host);
        _socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            _socket.Bind(new IPEndPoint(address, options.Port));
            _socket.Listen(options.ListenBacklog);
        }
        catch
        {
            _socket.Dispose();
            throw;
        }

        LocalEndPoint = (IPEndPoint)_socket.LocalEndPoint!;
        _acceptLoop = Task.Run(AcceptLoopAsync);
    }

    /// <summary>The bound address and port (the real port when <see cref="DicomServiceOptions.Port"/> is 0).</summary>
    public IPEndPoint LocalEndPoint { get; }

    /// <summary>Associations (connections) currently running.</summary>
    public int ActiveAssociations => _associations.Count;

    /// <summary>Binds and starts accepting. Throws <see cref="SocketException"/> when the address is in use.</summary>
    public static DicomListener Start(DicomServiceOptions options, DicomServiceProviders? providers = null, IDicomAssociationObserver? observer = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new DicomListener(options, providers ?? DicomServiceProviders.EchoOnly, observer);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _stopping.Cancel();
        _socket.Dispose();
        await _acceptLoop;
        foreach (var association in _associations.Values)
        {
            await association.ShutdownAsync();
        }

        await Task.WhenAll(_running.Values);
        _stopping.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            Socket connection;
            try
            {
                connection = await _socket.AcceptAsync(_stopping.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                if (_stopping.IsCancellationRequested)
                {
                    return;
                }

                continue;
            }

            connection.NoDelay = true;
            var id = Interlocked.Increment(ref _nextId);
            var active = _associations.Count;
            if (active >= _options.MaxConcurrentAssociations * 2)
            {
                // Far past the limit even rejecting costs too much: drop the connection.
                connection.Dispose();
                continue;
            }

            var association = new DicomAssociation(
                id,
                new NetworkStream(connection, ownsSocket: true),
                connection.RemoteEndPoint,
                connection.LocalEndPoint,
                _options,
                _providers,
                _observer,
                overCapacity: active >= _options.MaxConcurrentAssociations);
            _associations[id] = association;
            var running = RunAsync(association);
            _running[id] = running;
            if (running.IsCompleted)
            {
                _running.TryRemove(id, out _);
            }
        }
    }

    private async Task RunAsync(DicomAssociation association)
    {
        await Task.Yield();
        try
        {
            await association.RunAsync();
        }
        finally
        {
            _associations.TryRemove(association.Id, out _);
            _running.TryRemove(association.Id, out _);
        }
    }
}
