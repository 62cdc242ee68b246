using System.Globalization;
using System.Net;
using System.Text;

namespace ActorBroker.Interop.Tests.Harness;

/// <summary>
/// Node's node-hl7-client (3.2.0) as the sender, through Peers/hl7-send.js: one message file, the
/// ACK printed with segments on lines; exit 0 on AA/CA, 1 on a negative ACK, 3 on timeout.
/// </summary>
internal static class NodeHl7Send
{
    public static (string Node, string Modules) Require()
    {
        var modules = Peers.RequireNodePackage("node-hl7-client");
        return (Peers.Which("node")!, modules);
    }

    public static async Task<(PeerResult Result, AckReply Ack)> SendFileAsync((string Node, string Modules) peer, IPEndPoint broker, string file)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "Peers", "hl7-send.js");
        var result = await PeerProcess.RunAsync(
            peer.Node,
            [script, broker.Address.ToString(), broker.Port.ToString(CultureInfo.InvariantCulture), file],
            new Dictionary<string, string> { ["PEERS_NODE_MODULES"] = peer.Modules });
        Assert.True(result.ExitCode is 0 or 1, "hl7-send.js got no ACK: " + result);
        var lines = result.StdoutText.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.True(lines.Length > 0 && lines[0].StartsWith("MSH|", StringComparison.Ordinal), "hl7-send.js printed no ACK: " + result);
        var ack = AckReply.Parse(Encoding.UTF8.GetBytes(string.Join('\r', lines) + "\r"));
        Assert.True((result.ExitCode == 0) == ack.Ack.IsAccepted, $"hl7-send.js exit code {result.ExitCode} disagrees with MSA-1 {ack.Code}: {result}");
        return (result, ack);
    }
}
