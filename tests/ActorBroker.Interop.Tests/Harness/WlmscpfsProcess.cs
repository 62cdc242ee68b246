using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ActorBroker.Interop.Tests.Harness;

/// <summary>
/// dcmtk's wlmscpfs (Debian dcmtk), the reference Modality Worklist SCP, serving worklist files from a folder:
/// <c>-dfp ROOT</c> with one subfolder per called AE title holding the .wl files and a file named "lockfile"
/// (see <c>man wlmscpfs</c>). Listens on a free loopback-checked port picked here (wlmscpfs has no port 0), and
/// returns Specific Character Set from the files (-csk) so UTF-8 names read back as such.
/// </summary>
internal sealed class WlmscpfsProcess : IAsyncDisposable
{
    public const string CalledAe = "WLMDIFF";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(20);

    private readonly Process _process;
    private readonly StringBuilder _output;

    private WlmscpfsProcess(Process process, StringBuilder output, int port)
    {
        _process = process;
        _output = output;
        Port = port;
    }

    public int Port { get; }

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

    /// <summary>Writes each (name, dcmtk dump) as ROOT/WLMDIFF/name.wl with dump2dcm (two at a time), plus the lockfile.</summary>
    public static async Task WriteWorklistAsync(string dump2dcm, string root, IEnumerable<(string Name, string Dump)> items)
    {
        var dumps = Path.Combine(root, "dumps");
        var worklist = Path.Combine(root, CalledAe);
        Directory.CreateDirectory(dumps);
        Directory.CreateDirectory(worklist);
        await File.WriteAllBytesAsync(Path.Combine(worklist, "lockfile"), []);
        using var slots = new SemaphoreSlim(2);
        await Task.WhenAll(items.Select(async item =>
        {
            await slots.WaitAsync();
            try
            {
                var dump = Path.Combine(dumps, item.Name + ".dump");
                await File.WriteAllTextAsync(dump, item.Dump, new UTF8Encoding(false));
                // +te: Explicit VR Little Endian, as gen-worklist.py writes them.
                var result = await PeerProcess.RunAsync(dump2dcm, ["-q", "+te", dump, Path.Combine(worklist, item.Name + ".wl")]);
                Assert.True(result.ExitCode == 0, result.ToString());
            }
            finally
            {
                slots.Release();
            }
        }));
    }

    /// <summary>Starts wlmscpfs on a free port and returns once it accepts connections.</summary>
    public static async Task<WlmscpfsProcess> StartAsync(string wlmscpfs, string root)
    {
        for (var attempt = 1; ; attempt++)
        {
            var port = FreePort();
            var output = new StringBuilder();
            var psi = new ProcessStartInfo(wlmscpfs)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
                UseShellExecute = false,
            };
            foreach (var a in new[] { "-csk", "-dfp", root, port.ToString(System.Globalization.CultureInfo.InvariantCulture) })
            {
                psi.ArgumentList.Add(a);
            }

            psi.Environment["TCP_NODELAY"] = "1";
            var process = new Process { StartInfo = psi };
            process.OutputDataReceived += (_, e) => Append(output, e.Data);
            process.ErrorDataReceived += (_, e) => Append(output, e.Data);
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var scp = new WlmscpfsProcess(process, output, port);
            var waited = Stopwatch.StartNew();
            while (true)
            {
                if (process.HasExited)
                {
                    await process.WaitForExitAsync();
                    var text = scp.Output;
                    var exit = process.ExitCode;
                    process.Dispose();
                    // Another process took the port between our probe and wlmscpfs's bind: pick another.
                    if (attempt < 3)
                    {
                        break;
                    }

                    throw new InvalidOperationException($"wlmscpfs exited with {exit} on port {port}:\n{text}");
                }

                if (await AcceptsAsync(port))
                {
                    return scp;
                }

                if (waited.Elapsed > StartTimeout)
                {
                    await scp.DisposeAsync();
                    throw new TimeoutException($"wlmscpfs did not listen on {port} within {StartTimeout.TotalSeconds:0} s:\n{scp.Output}");
                }

                // Another process's listening socket has no event to await: probe it.
                await Task.Delay(50);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    // A port the kernel just handed out for 127.0.0.1:0; wlmscpfs binds it a moment later (it cannot take port 0).
    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<bool> AcceptsAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }
}
