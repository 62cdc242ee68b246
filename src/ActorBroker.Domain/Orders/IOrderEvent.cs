namespace ActorBroker.Domain.Orders;

/// <summary>
/// A journaled fact about one order. Implementations are flat records serializable with
/// System.Text.Json (no interface- or abstract-typed properties) and stored under a versioned
/// manifest: change a shape only by adding a new version.
/// </summary>
public interface IOrderEvent
{
    OrderKey Key { get; }

    /// <summary>The message that caused it: its idempotency key lets a resend be recognised.</summary>
    MessageRef Message { get; }
}
