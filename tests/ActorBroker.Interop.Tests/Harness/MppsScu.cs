using System.Globalization;
using System.Net;
using System.Text.Json;

namespace ActorBroker.Interop.Tests.Harness;

/// <summary>
/// A modality's MPPS SCU: Node's dcmjs-dimse 0.3.3 through Peers/mpps-scu.js. Each step (create, completed,
/// discontinued, inprogress) on its own association unless sameAssociation, like real modalities.
/// </summary>
internal static class MppsScu
{
    public static (string Node, string Modules) Require() => (Peers.Which("node") ?? "node", Peers.RequireNodePackage("dcmjs-dimse"));

    public static async Task<MppsRun> RunAsync(IPEndPoint broker, string calledAe, string callingAe, string steps, params string[] options)
    {
        var peer = Require();
        var args = new List<string>
        {
            Path.Combine(AppContext.BaseDirectory, "Peers", "mpps-scu.js"),
            broker.Address.ToString(),
            broker.Port.ToString(CultureInfo.InvariantCulture),
            calledAe,
            "--calling-ae",
            callingAe,
            "--steps",
            steps,
        };
        args.AddRange(options);
        var result = await PeerProcess.RunAsync(peer.Node, args, new Dictionary<string, string> { ["PEERS_NODE_MODULES"] = peer.Modules });
        Assert.True(result.ExitCode == 0, "mpps-scu.js failed: " + result);
        var responses = new List<MppsResponse>();
        var uid = "";
        var rejected = false;
        foreach (var line in result.StdoutText.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            if (root.TryGetProperty("op", out var op))
            {
                responses.Add(new MppsResponse(op.GetString()!, root.GetProperty("status").GetInt32(), root.GetProperty("comment").GetString() ?? ""));
            }
            else if (root.TryGetProperty("mppsUid", out var u))
            {
                uid = u.GetString()!;
            }
            else if (root.TryGetProperty("rejected", out _))
            {
                rejected = true;
            }
        }

        return new MppsRun(uid, responses, rejected, result.ToString());
    }
}
