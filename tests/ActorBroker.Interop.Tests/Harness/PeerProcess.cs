using System.Diagnostics;

namespace ActorBroker.Interop.Tests.Harness;

/// <summary>Runs a third-party peer (mllp_send, node) to completion, capturing stdout as bytes.</summary>
internal static class PeerProcess
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    public static async Task<PeerResult> RunAsync(string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null, TimeSpan? timeout = null)
    {
        var psi = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var a in arguments)
        {
            psi.ArgumentList.Add(a);
        }

        foreach (var (k, v) in environment ?? new Dictionary<string, string>())
        {
            psi.Environment[k] = v;
        }

        var command = string.Join(' ', psi.ArgumentList.Prepend(fileName));
        using var process = Process.Start(psi) ?? throw new InvalidOperationException("could not start " + command);
        process.StandardInput.Close();
        using var stdout = new MemoryStream();
        var copy = process.StandardOutput.BaseStream.CopyToAsync(stdout);
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout ?? DefaultTimeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            Assert.Fail($"{command} did not finish within {(timeout ?? DefaultTimeout).TotalSeconds:0} s; stderr: {await stderr}");
        }

        await copy;
        return new PeerResult(command, process.ExitCode, stdout.ToArray(), await stderr);
    }
}
