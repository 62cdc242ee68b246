using System.Diagnostics;

namespace ActorBroker.Dicom.Tests.Data;

/// <summary>
/// Runs a dcmtk command-line tool for interop tests. Missing tool: the test is skipped, unless
/// AB_REQUIRE_PEERS=1 (CI with peers installed), where a missing peer is a failure.
/// </summary>
internal static class DcmtkTool
{
    public static string Require(string tool)
    {
        var path = Find(tool);
        var required = Environment.GetEnvironmentVariable("AB_REQUIRE_PEERS") == "1";
        if (path is null && required) Assert.Fail($"{tool} not found on PATH and AB_REQUIRE_PEERS=1 (install dcmtk).");
        Skip.If(path is null, $"{tool} not installed (apt-get install dcmtk)");
        return path!;
    }

    public static (int ExitCode, string Output) Run(string path, params string[] args)
    {
        var psi = new ProcessStartInfo(path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(30_000))
        {
            p.Kill(entireProcessTree: true);
            Assert.Fail($"{path} timed out");
        }
        return (p.ExitCode, stdout.Result + stderr.Result);
    }

    private static string? Find(string tool)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
        {
            if (dir.Length == 0) continue;
            var candidate = Path.Combine(dir, tool);
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }
}
