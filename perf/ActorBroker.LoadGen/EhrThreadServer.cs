using System.Net;
using System.Net.Sockets;
using ActorBroker.Hl7.Mllp;
using ActorBroker.Hl7.Threading;

namespace ActorBroker.LoadGen;

/// <summary>
/// The EHR's MLLP end as a remote system would run it: each connection on a thread of its own, blocked in the kernel
/// until a frame arrives, answered on the same thread, that thread asking the scheduler for a short slice
/// (<see cref="ThreadLatency"/>). The load generator shares two cores with the broker: served through its thread pool,
/// every ACK also waited behind the generator's own DICOM work, a delay a real EHR on its own machine does not add
/// (perf/README.md, session 12). <c>--ehr-threads off</c> serves it through <see cref="MllpListener"/> instead.
/// </summary>
// HL7 2.5.1 Appendix C.2 (MLLP release 1): each frame answered with one framed ACK on the same connection
internal sealed class EhrThreadServer : IDisposable
{
    private readonly Socket _listener;
    private readonly IMllpHandler _handler;
    private readonly TimeSpan _slice;
    private readonly CancellationTokenSource _stopping = new();
    private long _connections;

    public EhrThreadServer(string host, int port, IMllpHandler handler, TimeSpan slice)
    {
        _handler = handler;
        _slice = slice;
        _listener = new Socket(SocketType.Stream, ProtocolType.Tcp);
        _listener.Bind(new IPEndPoint(IPAddress.Parse(host), port));
        _listener.Listen(16);
        LocalEndPoint = (IPEndPoint)_listener.LocalEndPoint!;
        new Thread(AcceptLoop) { IsBackground = true, Name = "ehr-accept" }.Start();
    }

    public IPEndPoint LocalEndPoint { get; }

    public void Dispose()
    {
        _stopping.Cancel();
        _listener.Dispose();
        _stopping.Dispose();
    }

    private void AcceptLoop()
    {
        while (true)
        {
            Socket client;
            try
            {
                client = _listener.Accept();
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                return;
            }

            client.NoDelay = true;
            var info = new MllpConnectionInfo(Interlocked.Increment(ref _connections), (IPEndPoint)client.RemoteEndPoint!, (IPEndPoint)client.LocalEndPoint!, DateTimeOffset.UtcNow);
            new Thread(() => Serve(client, info)) { IsBackground = true, Name = "ehr-connection" }.Start();
        }
    }

    private void Serve(Socket client, MllpConnectionInfo info)
    {
        if (_slice > TimeSpan.Zero)
        {
            ThreadLatency.TryRequestShortSlice(_slice);
        }

        using var framer = new MllpFramer(MllpSenderConnection.DefaultMaxFrameBytes);
        var buffer = new byte[64 * 1024];
        var results = new List<MllpFramerResult>();
        _handler.OnConnected(info);
        try
        {
            while (client.Receive(buffer) is var read and > 0)
            {
                framer.Feed(buffer.AsSpan(0, read), results);
                foreach (var result in results)
                {
                    if (!result.IsFrame)
                    {
                        _handler.OnFrameError(info, result.Error!.Value, result.Data);
                        continue;
                    }

                    // The EHR stand-in's handler answers synchronously (it only parses and records).
                    var ack = _handler.HandleAsync(info, result.Data, _stopping.Token).AsTask().GetAwaiter().GetResult();
                    if (!ack.IsEmpty)
                    {
                        client.Send(MllpBytes.Frame(ack.Span));
                    }
                }

                results.Clear();
                if (framer.IsFaulted)
                {
                    break;
                }
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // The broker closed the connection or the run is over.
        }
        finally
        {
            _handler.OnDisconnected(info);
            client.Dispose();
        }
    }
}
