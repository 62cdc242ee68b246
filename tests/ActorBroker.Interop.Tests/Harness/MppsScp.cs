using System.Diagnostics;
using System.Text.Json;

namespace ActorBroker.Interop.Tests.Harness;

/// <summary>A PACS-side MPPS SCP (Node's dcmjs-dimse, Peers/mpps-scp.js) as a child process; collects what it received.</summary>
internal sealed class MppsScp : IAsyncDisposable
{
    private readonly List<MppsScpEvent> _events = [];
    private readonly TaskCompletionSource<int> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Process? _process;

    public int Port { get; private set; }

    public IReadOnlyList<MppsScpEvent> Events
    {
        get
        {
            lock (_events)
            {
                return [.. _events];
            }
        }
    }

    public static async Task<MppsScp> StartAsync(string aeTitle)
    {
        var (node, modules) = MppsScu.Require();
        var scp = new MppsScp();
        var psi = new ProcessStartInfo(node) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Peers", "mpps-scp.js"));
        psi.ArgumentList.Add("--ae");
        psi.ArgumentList.Add(aeTitle);
        psi.Environment["PEERS_NODE_MODULES"] = modules;
        scp._process = Process.Start(psi) ?? throw new InvalidOperationException("could not start mpps-scp.js");
        scp._process.OutputDataReceived += (_, e) => scp.OnLine(e.Data);
        scp._process.ErrorDataReceived += (_, _) => { };
        scp._process.BeginOutputReadLine();
        scp._process.BeginErrorReadLine();
        var started = await Task.WhenAny(scp._listening.Task, Task.Delay(TimeSpan.FromSeconds(30)));
        Assert.True(started == scp._listening.Task, "mpps-scp.js did not start within 30 s");
        scp.Port = await scp._listening.Task;
        return scp;
    }

    public async Task<IReadOnlyList<MppsScpEvent>> WaitForAsync(Func<IReadOnlyList<MppsScpEvent>, bool> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition(Events))
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"PACS: {what} not seen within {timeout.TotalSeconds:0} s; got: " + string.Join(" | ", Events));
            }

            await Task.Delay(100);
        }

        return Events;
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false } p)
        {
            p.Kill(entireProcessTree: true);
            await p.WaitForExitAsync();
        }

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
        var kind = root.GetProperty("event").GetString();
        if (kind == "listening")
        {
            _listening.TrySetResult(root.GetProperty("port").GetInt32());
            return;
        }

        if (kind is "ncreate" or "nset")
        {
            lock (_events)
            {
                _events.Add(new MppsScpEvent(kind, root.GetProperty("uid").GetString() ?? "", root.GetProperty("status").GetString() ?? "", root.GetProperty("calling").GetString() ?? "", root.GetProperty("result").GetString() ?? ""));
            }
        }
    }
}
