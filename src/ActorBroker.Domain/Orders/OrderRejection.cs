using ActorBroker.Hl7;

namespace ActorBroker.Domain.Orders;

/// <summary>
/// Why a command was not applied, ready for an ERR segment: the reason is ERR-8 text, the code
/// HL7 table 0357 (ERR-3), the location ERR-2. Returned by the decider, never journaled by the
/// order (the actor hands it to the exception store).
/// </summary>
public sealed record OrderRejection(string Reason, Hl7ErrorCode Code, Hl7Location? Location);
