using System.Text;
using ActorBroker.Hl7;
using ActorBroker.Hl7.Mllp;

namespace ActorBroker.Interop.Tests.Harness;

/// <summary>An ACK as a peer received it: the payload bytes, parsed, with MSA and ERR read.</summary>
internal sealed class AckReply
{
    private AckReply(byte[] payload, Hl7Message message, Hl7Ack ack)
    {
        Payload = payload;
        Message = message;
        Ack = ack;
    }

    public byte[] Payload { get; }

    public Hl7Message Message { get; }

    public Hl7Ack Ack { get; }

    public AckCode Code => Ack.AckCode;

    /// <summary>The payload as text with segment separators shown, for failure messages.</summary>
    public string Text => Message.ToString().Replace("\r", "\\r", StringComparison.Ordinal);

    /// <summary>The first segment with this id as sent (e.g. "ERR|OBR^1^18^1&amp;..."), or null.</summary>
    public string? Segment(string id) => Message.Find(id)?.ToString();

    public static AckReply Parse(byte[] payload)
    {
        Assert.True(Hl7Message.TryParse(payload, out var message, out var error), $"the reply is not HL7 ({error?.Message}): {Show(payload)}");
        Assert.True(Hl7Ack.TryParse(message, out var ack), $"the reply has no MSA with an ack code: {Show(payload)}");
        Assert.True(ack.AckCode is AckCode.AA or AckCode.AE or AckCode.AR, $"original-mode ACK expected, got {ack.AckCode}: {Show(payload)}");
        return new AckReply(payload, message, ack);
    }

    /// <summary>
    /// Splits what a raw MLLP peer printed (mllp_send writes each reply as received, then a newline)
    /// into frames, checking the framing: VT, payload with CR segment separators and no LF, FS CR.
    /// </summary>
    public static IReadOnlyList<AckReply> ParseFrames(byte[] raw)
    {
        var replies = new List<AckReply>();
        var i = 0;
        while (i < raw.Length)
        {
            if (raw[i] is (byte)'\n' or (byte)'\r')
            {
                i++; // the newline the peer printed after the frame
                continue;
            }

            Assert.True(raw[i] == MllpBytes.StartBlock, $"reply frame {replies.Count + 1} does not start with VT (0x0B) at byte {i}: {Show(raw)}");
            var end = Array.IndexOf(raw, MllpBytes.EndBlock, i + 1);
            Assert.True(end > i && end + 1 < raw.Length && raw[end + 1] == MllpBytes.CarriageReturn, $"reply frame {replies.Count + 1} does not end with FS CR (0x1C 0x0D): {Show(raw)}");
            var payload = raw[(i + 1)..end];
            Assert.DoesNotContain((byte)'\n', payload);
            Assert.True(payload.Length > 0 && payload[^1] == MllpBytes.CarriageReturn, $"the last ACK segment is not terminated by CR: {Show(raw)}");
            replies.Add(Parse(payload));
            i = end + 2;
        }

        return replies;
    }

    public override string ToString() => Text;

    private static string Show(byte[] raw) =>
        Encoding.Latin1.GetString(raw).Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal)
            .Replace("\v", "<VT>", StringComparison.Ordinal).Replace("\u001c", "<FS>", StringComparison.Ordinal);
}
