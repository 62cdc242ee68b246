using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ActorBroker.Dicom.Tests.Network;

/// <summary>
/// Drives third-party DICOM tools (dcmtk) for interop tests. A missing tool skips the test, unless
/// AB_REQUIRE_PEERS=1, where it fails. Tools run with TCP_NODELAY=1 (Debian's dcmtk leaves Nagle on
/// otherwise) and are killed when the test ends.
/// </summary>
internal sealed class PeerTool : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private PeerTool(Process process)
    {
        _process = process;
    }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public int ExitCode => _process.ExitCode;

    public static string Require(string tool)
    {
        var path = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator)
            .Where(dir => dir.Length > 0)
            .Select(dir => Path.Combine(dir, tool))
            .FirstOrDefault(File.Exists);
        if (path is null && Environment.GetEnvironmentVariable("AB_REQUIRE_PEERS") == "1")
        {
            Assert.Fail($"{tool} is not installed and AB_REQUIRE_PEERS=1 (apt-get install dcmtk).");
        }

        Skip.If(path is null, $"{tool} is not installed (apt-get install dcmtk).");
        return path!;
    }

    public static PeerTool Start(string path, params string[] args)
    {
        var info = new ProcessStartInfo(path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["TCP_NODELAY"] = "1";
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var tool = new PeerTool(process);
        process.OutputDataReceived += (_, e) => tool.Append(e.Data);
        process.ErrorDataReceived += (_, e) => tool.Append(e.Data);
        process.Exited += (_, _) => tool._exited.TrySetResult();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return tool;
    }

    /// <summary>Runs a tool to completion; returns its exit code and combined output.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string path, params string[] args)
    {
        await using var tool = Start(path, args);
        await tool._exited.Task.WaitAsync(TestTimeouts.Default);
        await tool._process.WaitForExitAsync().WaitAsync(TestTimeouts.Default); // flushes the redirected output
        return (tool.ExitCode, tool.Output);
    }

    /// <summary>A TCP port that was free a moment ago (for a tool that must be given its port).</summary>
    public static int FreePort()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }

    /// <summary>
    /// Waits until the tool accepts connections on <paramref name="port"/>. dcmtk's SCPs print nothing when
    /// they start listening, so this retries the connection (every 25 ms) until it succeeds.
    /// </summary>
    public async Task WaitForPortAsync(int port)
    {
        var deadline = DateTime.UtcNow + TestTimeouts.Default;
        while (true)
        {
            Assert.False(_exited.Task.IsCompleted, $"the tool exited early: {Output}");
            using var probe = new TcpClient();
            try
            {
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(25);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().WaitAsync(TestTimeouts.Default);
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
