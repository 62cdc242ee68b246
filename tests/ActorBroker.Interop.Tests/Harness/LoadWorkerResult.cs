namespace ActorBroker.Interop.Tests.Harness;

/// <summary>How one load connection ended: messages sent, AAs received, and what stopped it.</summary>
internal sealed record LoadWorkerResult(int Connection, int Sent, int Accepted, IReadOnlyList<string> NegativeAcks, Exception? EndedBy)
{
    public override string ToString() =>
        $"connection {Connection}: sent {Sent}, AA {Accepted}, negative {NegativeAcks.Count}{(NegativeAcks.Count > 0 ? " (" + NegativeAcks[0] + ")" : "")}, ended by {EndedBy?.GetType().Name ?? "finishing"}: {EndedBy?.Message}";
}
