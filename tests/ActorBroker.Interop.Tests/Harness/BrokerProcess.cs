using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;

namespace ActorBroker.Interop.Tests.Harness;

/// <summary>
/// Runs ActorBroker.Host as a real child process on loopback port 0 with its own data folder, the
/// way an operator runs it; reads the bound ports from --ports-file. Kill() is a real SIGKILL.
/// </summary>
internal sealed class BrokerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private BrokerProcess(Process process, string dataDir, IReadOnlyDictionary<string, IPEndPoint> endpoints)
    {
        _process = process;
        DataDir = dataDir;
        Endpoints = endpoints;
    }

    public string DataDir { get; }

    public IReadOnlyDictionary<string, IPEndPoint> Endpoints { get; }

    public IPEndPoint Hl7Orders => Endpoints["hl7:orders"];

    public string ManagementEndpoint => Endpoints["management"].ToString();

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

    public static string RepositoryRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "ActorBroker.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException("ActorBroker.sln not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>The host assembly built beside these tests (same configuration).</summary>
    public static string HostDll
    {
        get
        {
            var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Parent!.Name; // bin/<Configuration>/net10.0
            var dll = Path.Combine(RepositoryRoot, "src", "ActorBroker.Host", "bin", configuration, "net10.0", "ActorBroker.Host.dll");
            return File.Exists(dll) ? dll : throw new FileNotFoundException("build the host first", dll);
        }
    }

    public static async Task<BrokerProcess> StartAsync(string dataDir, params string[] extraSettings)
    {
        Directory.CreateDirectory(dataDir);
        var portsFile = Path.Combine(dataDir, "ports.json");
        File.Delete(portsFile);
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = dataDir,
        };
        psi.ArgumentList.Add(HostDll);
        foreach (var s in new[]
                 {
                     $"actor-broker.data-dir = \"{dataDir}\"",
                     "actor-broker.hl7.listeners.orders.port = 0",
                     "actor-broker.management.port = 0",
                 }.Concat(extraSettings))
        {
            psi.ArgumentList.Add("--set");
            psi.ArgumentList.Add(s);
        }

        psi.ArgumentList.Add("--ports-file");
        psi.ArgumentList.Add(portsFile);
        foreach (var v in new[] { "AB_DATA_DIR", "AB_HL7_ORDERS_PORT", "AB_MANAGEMENT_PORT" })
        {
            psi.Environment.Remove(v);
        }

        var process = Process.Start(psi)!;
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var deadline = Stopwatch.StartNew();
        while (!File.Exists(portsFile))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"broker exited with {process.ExitCode}:\n{output}");
            }

            if (deadline.Elapsed > TimeSpan.FromSeconds(60))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"broker did not report its ports within 60 s:\n{output}");
            }

            // Polling a file the child writes atomically; no event exists for another process's file.
            await Task.Delay(50);
        }

        var map = JsonSerializer.Deserialize<Dictionary<string, string>>(await File.ReadAllTextAsync(portsFile))!;
        var endpoints = map.ToDictionary(kv => kv.Key, kv => IPEndPoint.Parse(kv.Value), StringComparer.Ordinal);
        var broker = new BrokerProcess(process, dataDir, endpoints);
        lock (output)
        {
            broker._output.Append(output);
        }

        process.OutputDataReceived += (_, e) => { lock (broker._output) { broker._output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (broker._output) { broker._output.AppendLine(e.Data); } };
        return broker;
    }

    /// <summary>kill -9: no shutdown hooks, no flush. What was ACKed must already be on disk.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        _process.Dispose();
        await Task.CompletedTask;
    }
}
