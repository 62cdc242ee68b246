using System.Text.Json.Serialization;

namespace ActorBroker.Domain.Orders;

/// <summary>
/// The HL7 message that caused a command or an event. MSH-10 is unique only per sender, so the
/// idempotency key is application|facility|control id (HL7 2.5.1 2.14.9.10: MSH-10 is assigned
/// by the sending system).
/// </summary>
public sealed record MessageRef(string SendingApplication, string SendingFacility, string MessageControlId, DateTimeOffset ReceivedAt)
{
    /// <summary>"APP|FACILITY|CONTROLID": what a resend of the same message has in common with the original.</summary>
    [JsonIgnore]
    public string IdempotencyKey => $"{SendingApplication}|{SendingFacility}|{MessageControlId}";
}
