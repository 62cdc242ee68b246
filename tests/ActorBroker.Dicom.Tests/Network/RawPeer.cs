using System.Net;
using System.Net.Sockets;
using ActorBroker.Dicom.Network.Pdus;

namespace ActorBroker.Dicom.Tests.Network;

/// <summary>A bare TCP peer that sends hand-made bytes and reads what the listener answers.</summary>
internal sealed class RawPeer : IAsyncDisposable
{
    private readonly TcpClient _client;
    private readonly NetworkStream _stream;
    private readonly PduReader _reader;

    private RawPeer(TcpClient client)
    {
        _client = client;
        _stream = client.GetStream();
        _reader = new PduReader(_stream, PduReaderLimits.ForMaximumLength(1024 * 1024));
    }

    public static async Task<RawPeer> ConnectAsync(IPEndPoint endPoint, int? receiveBufferSize = null)
    {
        var client = new TcpClient { NoDelay = true };
        if (receiveBufferSize is { } size)
        {
            client.ReceiveBufferSize = size;
        }

        await client.ConnectAsync(endPoint.Address, endPoint.Port).WaitAsync(TestTimeouts.Default);
        return new RawPeer(client);
    }

    public async Task SendAsync(byte[] bytes) => await _stream.WriteAsync(bytes).AsTask().WaitAsync(TestTimeouts.Default);

    public async Task<Pdu> ReadPduAsync()
    {
        var result = await _reader.ReadAsync(CancellationToken.None).AsTask().WaitAsync(TestTimeouts.Default);
        Assert.Equal(PduReadStatus.Pdu, result.Status);
        return result.Pdu!;
    }

    /// <summary>Completes when the listener closes the connection; returns the bytes that arrived before.</summary>
    public async Task<int> ReadUntilClosedAsync()
    {
        var buffer = new byte[4096];
        var total = 0;
        try
        {
            int read;
            while ((read = await _stream.ReadAsync(buffer).AsTask().WaitAsync(TestTimeouts.Default)) > 0)
            {
                total += read;
            }
        }
        catch (IOException)
        {
            // A reset is a close too.
        }

        return total;
    }

    public ValueTask DisposeAsync()
    {
        _client.Dispose();
        return ValueTask.CompletedTask;
    }
}
