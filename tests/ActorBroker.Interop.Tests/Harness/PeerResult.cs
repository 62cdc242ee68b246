using System.Text;

namespace ActorBroker.Interop.Tests.Harness;

/// <summary>How a peer process ended: exit code, raw stdout bytes, stderr text.</summary>
internal sealed record PeerResult(string Command, int ExitCode, byte[] Stdout, string Stderr)
{
    public string StdoutText => Encoding.UTF8.GetString(Stdout);

    public override string ToString() => $"{Command} exited {ExitCode}\nstdout: {StdoutText}\nstderr: {Stderr}";
}
