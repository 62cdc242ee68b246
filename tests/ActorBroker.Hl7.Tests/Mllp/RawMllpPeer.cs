using System.Net;
using System.Net.Sockets;
using ActorBroker.Hl7.Mllp;

namespace ActorBroker.Hl7.Tests.Mllp;

/// <summary>
/// A scripted receiver on 127.0.0.1:0 for sender tests: the test reads frames and writes whatever
/// bytes it wants back (ACKs out of order, re-ACKs, garbage), and can close at any point.
/// </summary>
internal sealed class RawMllpPeer : IAsyncDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(15);

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly MllpFramer _framer = new();
    private readonly Queue<byte[]> _frames = new();
    private readonly byte[] _buffer = new byte[8192];
    private Socket? _client;

    public RawMllpPeer() => _listener.Start();

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public async Task AcceptAsync() => _client = await _listener.AcceptSocketAsync().WaitAsync(Limit);

    /// <summary>The next frame the sender wrote, parsed.</summary>
    public async Task<Hl7Message> ReadMessageAsync()
    {
        while (_frames.Count == 0)
        {
            var n = await _client!.ReceiveAsync(_buffer).WaitAsync(Limit);
            if (n == 0)
            {
                throw new IOException("sender closed");
            }

            foreach (var result in _framer.Feed(_buffer.AsSpan(0, n)))
            {
                Assert.True(result.IsFrame, $"sender wrote a bad frame: {result.Error}");
                _frames.Enqueue(result.Data);
            }
        }

        return Hl7Message.Parse(_frames.Dequeue());
    }

    /// <summary>True when the sender has closed its side (reads 0 bytes).</summary>
    public async Task<bool> SenderClosedAsync()
    {
        try
        {
            return await _client!.ReceiveAsync(_buffer).WaitAsync(Limit) == 0;
        }
        catch (SocketException)
        {
            return true;
        }
    }

    public Task WriteAsync(byte[] bytes) => _client!.SendAsync(bytes).WaitAsync(Limit);

    public Task AckAsync(Hl7Message message, AckCode code = AckCode.AA) => WriteAsync(MllpBytes.Frame(Hl7AckBuilder.Build(message, code)));

    public void Close()
    {
        _client?.Shutdown(SocketShutdown.Both);
        _client?.Dispose();
    }

    public ValueTask DisposeAsync()
    {
        _client?.Dispose();
        _listener.Stop();
        _listener.Dispose();
        _framer.Dispose();
        return ValueTask.CompletedTask;
    }
}
