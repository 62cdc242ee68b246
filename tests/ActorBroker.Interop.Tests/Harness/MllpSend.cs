using System.Globalization;
using System.Net;

namespace ActorBroker.Interop.Tests.Harness;

/// <summary>
/// python3-hl7's <c>mllp_send</c> (Debian python3-hl7, /usr/bin/mllp_send): reads a file of one or
/// more messages (<c>--loose</c>: split at "MSH|^~\&amp;|", LF or CRLF allowed), sends each on one
/// connection, and prints each reply as received (one recv of 4096 bytes) followed by a newline.
/// </summary>
internal static class MllpSend
{
    public static string Require() => Peers.RequireTool("mllp_send", "python3-hl7");

    public static async Task<IReadOnlyList<AckReply>> SendFileAsync(string mllpSend, IPEndPoint broker, string file, int expectedReplies = 1)
    {
        var result = await PeerProcess.RunAsync(mllpSend, ["--loose", "--file", file, "--port", broker.Port.ToString(CultureInfo.InvariantCulture), broker.Address.ToString()]);
        Assert.True(result.ExitCode == 0, result.ToString());
        var replies = AckReply.ParseFrames(result.Stdout);
        Assert.True(replies.Count == expectedReplies, $"{expectedReplies} ACK(s) expected from {Path.GetFileName(file)}, got {replies.Count}: {result}");
        return replies;
    }
}
