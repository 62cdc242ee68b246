using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ActorBroker.Cli.Tests.Support;

/// <summary>
/// A tiny real HTTP/1.1 server on 127.0.0.1 (port chosen by the OS) that writes canned responses,
/// so that tests go through the real SocketsHttpHandler path of abctl.
/// </summary>
internal sealed class MiniHttpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Dictionary<string, (int Status, string Reason, byte[] Body)> _routes = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public MiniHttpServer()
    {
        _listener.Start();
        _loop = Task.Run(AcceptLoopAsync);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public string Endpoint => $"127.0.0.1:{Port}";

    /// <summary>Request lines received ("GET /api/health HTTP/1.1") and their headers.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    /// <summary>Raw bytes to send instead of HTTP (to test a wrong port), or null.</summary>
    public byte[]? Garbage { get; set; }

    /// <summary>Accept and never answer (to test the timeout).</summary>
    public bool Silent { get; set; }

    public MiniHttpServer On(string pathAndQuery, string json, int status = 200, string reason = "OK")
    {
        _routes["GET " + pathAndQuery] = (status, reason, Encoding.UTF8.GetBytes(json));
        return this;
    }

    /// <summary>Answers a POST (an action) to <paramref name="path"/>; other methods there get a 404.</summary>
    public MiniHttpServer OnPost(string path, string json, int status = 200, string reason = "OK")
    {
        _routes["POST " + path] = (status, reason, Encoding.UTF8.GetBytes(json));
        return this;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var head = await ReadHeadAsync(stream);
                Requests.Enqueue(head);
                if (Silent)
                {
                    await Task.Delay(Timeout.Infinite, _stop.Token);
                }

                if (Garbage is not null)
                {
                    await stream.WriteAsync(Garbage, _stop.Token);
                    return;
                }

                var requestLine = head.Split("\r\n")[0].Split(' ');
                var (status, reason, body) = _routes.TryGetValue(requestLine[0] + " " + requestLine[1], out var route)
                    ? route
                    : (404, "Not Found", Array.Empty<byte>());
                var header = $"HTTP/1.1 {status} {reason}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n";
                await stream.WriteAsync(Encoding.ASCII.GetBytes(header), _stop.Token);
                await stream.WriteAsync(body, _stop.Token);
                await stream.FlushAsync(_stop.Token);
            }
            catch (Exception e) when (e is IOException or OperationCanceledException or SocketException)
            {
            }
        }
    }

    private static async Task<string> ReadHeadAsync(NetworkStream stream)
    {
        var buffer = new List<byte>();
        var one = new byte[1];
        while (await stream.ReadAsync(one) == 1)
        {
            buffer.Add(one[0]);
            if (buffer.Count >= 4 && buffer[^4] == '\r' && buffer[^3] == '\n' && buffer[^2] == '\r' && buffer[^1] == '\n')
            {
                break;
            }
        }

        return Encoding.ASCII.GetString([.. buffer]);
    }
}
