using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace ActorBroker.Interop.Tests.Harness;

/// <summary>
/// An EHR-side MLLP receiver as a child process (Peers/hl7-receiver.js): node-hl7-server 2.5.0 by default, or
/// the plain MLLP receiver (--raw). Collects every message it received; can be killed and restarted on the
/// same port to play "the EHR is down for a while".
/// </summary>
internal sealed class Hl7Receiver : IAsyncDisposable
{
    private readonly List<ReceivedHl7> _messages = [];
    private readonly string[] _options;
    private readonly (string Node, string Modules) _peer;
    private Process? _process;
    private TaskCompletionSource<int> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private Hl7Receiver((string Node, string Modules) peer, int port, string[] options)
    {
        _peer = peer;
        Port = port;
        _options = options;
    }

    public int Port { get; private set; }

    public IPEndPoint EndPoint => new(IPAddress.Loopback, Port);

    public IReadOnlyList<ReceivedHl7> Messages
    {
        get
        {
            lock (_messages)
            {
                return [.. _messages];
            }
        }
    }

    public static (string Node, string Modules) Require() => (Peers.Which("node") ?? "node", Peers.RequireNodePackage("node-hl7-server"));

    /// <summary>Starts the receiver on a free loopback port. options: e.g. "--raw", "--ae-if", "ACC9".</summary>
    public static async Task<Hl7Receiver> StartAsync(params string[] options)
    {
        var receiver = new Hl7Receiver(Require(), FreePort(), options);
        await receiver.StartProcessAsync();
        return receiver;
    }

    public static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    public async Task StartProcessAsync()
    {
        var psi = new ProcessStartInfo(_peer.Node)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Peers", "hl7-receiver.js"));
        psi.ArgumentList.Add("--port");
        psi.ArgumentList.Add(Port.ToString(CultureInfo.InvariantCulture));
        foreach (var o in _options)
        {
            psi.ArgumentList.Add(o);
        }

        psi.Environment["PEERS_NODE_MODULES"] = _peer.Modules;
        _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = Process.Start(psi) ?? throw new InvalidOperationException("could not start hl7-receiver.js");
        _process = process;
        process.OutputDataReceived += (_, e) => OnLine(e.Data);
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var started = await Task.WhenAny(_listening.Task, Task.Delay(TimeSpan.FromSeconds(30)));
        Assert.True(started == _listening.Task, "hl7-receiver.js did not start listening within 30 s");
    }

    /// <summary>Stops the receiver (SIGKILL): the broker's outbox sees the connection drop.</summary>
    public async Task StopProcessAsync()
    {
        if (_process is { HasExited: false } p)
        {
            p.Kill(entireProcessTree: true);
            await p.WaitForExitAsync();
        }
    }

    /// <summary>Waits until the received messages satisfy the condition.</summary>
    public async Task<IReadOnlyList<ReceivedHl7>> WaitForAsync(Func<IReadOnlyList<ReceivedHl7>, bool> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var snapshot = Messages;
            if (condition(snapshot))
            {
                return snapshot;
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"EHR receiver: {what} not seen within {timeout.TotalSeconds:0} s; received {snapshot.Count}: "
                    + string.Join(" | ", snapshot.Select(m => m.Summary)));
            }

            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopProcessAsync();
        _process?.Dispose();
    }

    private void OnLine(string? line)
    {
        if (string.IsNullOrWhiteSpace(line) || line[0] != '{')
        {
            return;
        }

        using var doc = JsonDocument.Parse(line);
        var root = doc.RootElement;
        switch (root.GetProperty("event").GetString())
        {
            case "listening":
                _listening.TrySetResult(root.GetProperty("port").GetInt32());
                break;
            case "message":
                lock (_messages)
                {
                    _messages.Add(new ReceivedHl7(
                        root.GetProperty("controlId").GetString() ?? "",
                        root.GetProperty("type").GetString() ?? "",
                        root.GetProperty("text").GetString() ?? "",
                        root.GetProperty("ack").GetString() ?? ""));
                }

                break;
        }
    }
}
