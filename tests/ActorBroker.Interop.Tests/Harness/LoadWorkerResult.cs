namespace ActorBroker.Interop.Tests.Harness;

/// <summary>
/// How one load connection ended: messages sent, AAs received, negative ACKs, the message it was
/// waiting on when the connection broke (sent, no ACK), and what stopped it.
/// </summary>
internal sealed record LoadWorkerResult(int Connection, int Sent, int Accepted, IReadOnlyList<string> NegativeAcks, GeneratedOrder? Unanswered, Exception? EndedBy)
{
    public override string ToString() =>
        $"connection {Connection}: sent {Sent}, AA {Accepted}, negative {NegativeAcks.Count}{(NegativeAcks.Count > 0 ? " (" + NegativeAcks[0] + ")" : "")}, " +
        $"unanswered {Unanswered?.ControlId ?? "-"}, ended by {EndedBy?.GetType().Name ?? "finishing"}: {EndedBy?.Message}";
}
