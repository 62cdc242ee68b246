using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;

namespace ActorBroker.Interop.Tests.Harness;

/// <summary>
/// Runs ActorBroker.Host as a real child process with its own data folder and every listener (HL7,
/// DICOM, management) on loopback port 0, so brokers of parallel tests never collide; reads the bound
/// ports from --ports-file. Kill() is a real SIGKILL.
/// </summary>
internal sealed class BrokerProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly StringBuilder _output;

    private BrokerProcess(Process process, StringBuilder output, string dataDir, IReadOnlyDictionary<string, IPEndPoint> endpoints)
    {
        _process = process;
        _output = output;
        DataDir = dataDir;
        Endpoints = endpoints;
    }

    public string DataDir { get; }

    public IReadOnlyDictionary<string, IPEndPoint> Endpoints { get; }

    public IPEndPoint Hl7Orders => Endpoints["hl7:orders"];

    public string ManagementEndpoint => Endpoints["management"].ToString();

    /// <summary>The DICOM SCP (MWL, C-ECHO), when this host version has one.</summary>
    public IPEndPoint? Dicom => Endpoints.GetValueOrDefault("dicom");

    public bool HasExited => _process.HasExited;

    /// <summary>Everything the broker printed so far (for failure messages).</summary>
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

    /// <summary>
    /// The host assembly to run. AB_HOST_DLL wins when set. Otherwise the copy the build put beside
    /// these tests (the test project references the host, so one build produces both, in the same
    /// configuration and output layout, and a concurrent build of src/ActorBroker.Host cannot swap
    /// files under a running test); else src/ActorBroker.Host/bin/&lt;Configuration&gt;/&lt;tfm&gt;.
    /// </summary>
    public static string HostDll
    {
        get
        {
            var overridden = Environment.GetEnvironmentVariable("AB_HOST_DLL");
            if (!string.IsNullOrEmpty(overridden))
            {
                return File.Exists(overridden) ? overridden : throw new FileNotFoundException("AB_HOST_DLL does not exist", overridden);
            }

            var beside = Path.Combine(AppContext.BaseDirectory, "ActorBroker.Host.dll");
            if (IsRunnableHost(beside))
            {
                return beside;
            }

            var output = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)); // bin/<Configuration>/<tfm>
            var configuration = output.Parent?.Name ?? "Debug";
            var dll = Path.Combine(RepositoryRoot, "src", "ActorBroker.Host", "bin", configuration, output.Name, "ActorBroker.Host.dll");
            return IsRunnableHost(dll)
                ? dll
                : throw new FileNotFoundException($"ActorBroker.Host.dll (with its runtimeconfig and hocon/) not found beside the tests nor at {dll}: build the solution first", dll);
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
            RedirectStandardInput = true, // not the test runner's stdin
            UseShellExecute = false,
            WorkingDirectory = dataDir,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        psi.ArgumentList.Add(HostDll);
        foreach (var s in new[]
                 {
                     $"actor-broker.data-dir = \"{dataDir}\"",
                     "actor-broker.hl7.listeners.orders.port = 0",
                     "actor-broker.hl7.listeners.reports.port = 0",
                     "actor-broker.management.port = 0",
                     "actor-broker.dicom.port = 0",
                 }.Concat(extraSettings))
        {
            psi.ArgumentList.Add("--set");
            psi.ArgumentList.Add(s);
        }

        psi.ArgumentList.Add("--ports-file");
        psi.ArgumentList.Add(portsFile);
        // The host's environment overrides (AB_DATA_DIR, AB_*_PORT, AB_PERSISTENCE_*, ...) are applied
        // after --set: none may leak in from the test run and move a listener off port 0.
        foreach (var v in psi.Environment.Keys.Where(k => k.StartsWith("AB_", StringComparison.Ordinal)).ToList())
        {
            psi.Environment.Remove(v);
        }

        var output = new StringBuilder();
        var process = new Process { StartInfo = psi };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var waited = Stopwatch.StartNew();
        while (!File.Exists(portsFile))
        {
            if (process.HasExited)
            {
                await process.WaitForExitAsync(); // drains the output readers
                var exit = process.ExitCode;
                process.Dispose();
                throw new InvalidOperationException($"broker exited with {exit} before reporting its ports:\n{Text(output)}");
            }

            if (waited.Elapsed > StartTimeout)
            {
                process.Kill(entireProcessTree: true);
                process.Dispose();
                throw new TimeoutException($"broker did not report its ports within {StartTimeout.TotalSeconds:0} s:\n{Text(output)}");
            }

            // Polling a file the child writes atomically (write + rename); no event exists for another process's file.
            await Task.Delay(25);
        }

        var map = JsonSerializer.Deserialize<Dictionary<string, string>>(await File.ReadAllTextAsync(portsFile))!;
        var endpoints = map.ToDictionary(kv => kv.Key, kv => IPEndPoint.Parse(kv.Value), StringComparer.Ordinal);
        return new BrokerProcess(process, output, dataDir, endpoints);
    }

    /// <summary>kill -9: no shutdown hooks, no flush. What was ACKed must already be on disk.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.WaitForExit();
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        _process.Dispose();
        await Task.CompletedTask;
    }

    private static bool IsRunnableHost(string dll) =>
        File.Exists(dll)
        && File.Exists(Path.ChangeExtension(dll, ".runtimeconfig.json"))
        && File.Exists(Path.Combine(Path.GetDirectoryName(dll)!, "hocon", "actor-broker.conf"));

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

    private static string Text(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}
