using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace ActorBroker.Dicom.Tests.Network;

/// <summary>
/// A loopback TCP proxy for one connection that forwards bytes unchanged and records the PDU type and
/// PDU-length of every PDU in each direction (PS3.8 9.3.1 header), so tests can check sizes on the wire.
/// </summary>
internal sealed class PduSniffingProxy : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly IPEndPoint _target;
    private readonly ConcurrentQueue<(bool FromServer, byte Type, uint Length)> _pdus = new();
    private readonly CancellationTokenSource _stop = new();
    private Task _pump = Task.CompletedTask;

    private PduSniffingProxy(IPEndPoint target)
    {
        _target = target;
        _listener = new TcpListener(IPAddress.Loopback, 0);
    }

    public IPEndPoint LocalEndPoint => (IPEndPoint)_listener.LocalEndpoint;

    public static Task<PduSniffingProxy> StartAsync(IPEndPoint target)
    {
        var proxy = new PduSniffingProxy(target);
        proxy._listener.Start();
        proxy._pump = proxy.RunAsync();
        return Task.FromResult(proxy);
    }

    /// <summary>PDU-lengths of the P-DATA-TF PDUs in one direction.</summary>
    public IReadOnlyList<uint> PDataLengths(bool fromServer) =>
        _pdus.Where(p => p.FromServer == fromServer && p.Type == 0x04).Select(p => p.Length).ToList();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _pump;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or IOException or ObjectDisposedException)
        {
        }

        _stop.Dispose();
    }

    private async Task RunAsync()
    {
        using var inbound = await _listener.AcceptTcpClientAsync(_stop.Token);
        using var outbound = new TcpClient { NoDelay = true };
        inbound.NoDelay = true;
        await outbound.ConnectAsync(_target.Address, _target.Port, _stop.Token);
        var up = PumpAsync(inbound.GetStream(), outbound.GetStream(), fromServer: false);
        var down = PumpAsync(outbound.GetStream(), inbound.GetStream(), fromServer: true);
        await Task.WhenAny(up, down);
        inbound.Close();
        outbound.Close();
        await Task.WhenAll(Quietly(up), Quietly(down));
    }

    private static async Task Quietly(Task task)
    {
        try
        {
            await task;
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or SocketException or OperationCanceledException)
        {
        }
    }

    private async Task PumpAsync(NetworkStream from, NetworkStream to, bool fromServer)
    {
        var buffer = new byte[8192];
        var header = new byte[6];
        var headerFill = 0;
        long bodyLeft = 0;
        int read;
        while ((read = await from.ReadAsync(buffer, _stop.Token)) > 0)
        {
            await to.WriteAsync(buffer.AsMemory(0, read), _stop.Token);
            var i = 0;
            while (i < read)
            {
                if (bodyLeft > 0)
                {
                    var skip = (int)Math.Min(bodyLeft, read - i);
                    bodyLeft -= skip;
                    i += skip;
                    continue;
                }

                header[headerFill++] = buffer[i++];
                if (headerFill == 6)
                {
                    var length = BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(2));
                    _pdus.Enqueue((fromServer, header[0], length));
                    bodyLeft = length;
                    headerFill = 0;
                }
            }
        }
    }
}
