namespace ActorBroker.Domain.Orders;

/// <summary>
/// A patient identifier from another assigning authority, for the Other Patient IDs Sequence
/// (0010,1002): Patient ID (0010,0020) and Issuer of Patient ID (0010,0021) of each item.
/// </summary>
public sealed record OtherPatientId(string Id, string Issuer);
