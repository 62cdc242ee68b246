namespace ActorBroker.Domain.Orders;

/// <summary>Something an HL7 message asks one order to do. Decided by <see cref="OrderDecider"/>.</summary>
public interface IOrderCommand
{
    OrderKey Key { get; }

    MessageRef Message { get; }

    /// <summary>
    /// Which ORC/OBR group of the message (1-based ORC occurrence) the command came from, so a
    /// rejection can point at ORC[2]-2 rather than always at the first ORC.
    /// </summary>
    int OrderGroup { get; }
}
