using ActorBroker.Domain.Orders;

namespace ActorBroker.Domain.Patients;

// Patient commands from ADT (IHE RAD-1 / RAD-12). HL7 2.5.1 3.3.8 (A08), 3.3.40 (A40), 3.3.47 (A47).

/// <summary>A08: the patient's demographics changed; Patient is the identity as it is now.</summary>
public sealed record UpdatePatient(string Site, MessageRef Message, PatientIdentity Patient) : IPatientCommand;

/// <summary>
/// A40 (merge) and A47 (change of identifier): everything filed under PriorPatientId (issued by
/// PriorIssuer) now belongs to Survivor. For the orders both mean the same move, so one command
/// serves both; Trigger keeps which one it was.
/// </summary>
public sealed record MergePatient(string Site, MessageRef Message, PatientIdentity Survivor, string PriorPatientId, string PriorIssuer) : IPatientCommand
{
    /// <summary>MSH-9.2 as received: A40 or A47.</summary>
    public string Trigger { get; init; } = "A40";
}
