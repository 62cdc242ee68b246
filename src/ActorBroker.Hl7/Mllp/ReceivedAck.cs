namespace ActorBroker.Hl7.Mllp;

/// <summary>
/// One thing that came back on an outbound connection: a reply frame that parsed as an ACK
/// (<see cref="Ack"/> set), or something that did not (<see cref="Error"/> says what: not HL7,
/// no MSA, an unknown MSA-1, junk outside a frame, an abandoned frame). <see cref="Raw"/> is the
/// frame payload (or the junk) as received, for the exception record. The sender matches
/// <see cref="Ack"/> to what it sent by MSA-2 (<see cref="Hl7Ack.MessageControlId"/>), never by
/// arrival order: some receivers re-ACK earlier messages or answer out of order.
/// </summary>
// HL7 2.5.1 ch. 2.15.8 (MSA-2 message control id of the message being acknowledged)
public sealed record ReceivedAck(Hl7Ack? Ack, string? Error, byte[] Raw)
{
    /// <summary>True when the frame was a readable ACK.</summary>
    public bool IsAck => Ack is not null;

    /// <summary>Reads a reply frame's payload.</summary>
    public static ReceivedAck FromFrame(byte[] payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        if (!Hl7Message.TryParse(payload, out var message, out var error))
        {
            return new ReceivedAck(null, $"reply is not an HL7 message: {error.Error.Message}", payload);
        }

        if (Hl7Ack.TryParse(message, out var ack))
        {
            return new ReceivedAck(ack, null, payload);
        }

        var problem = message.Find("MSA") is { } msa
            ? $"reply MSA-1 '{msa.Get(1)}' is not an acknowledgment code (AA, AE, AR, CA, CE, CR)"
            : $"reply {message.MessageType}^{message.TriggerEvent} has no MSA segment";
        return new ReceivedAck(null, problem, payload);
    }
}
