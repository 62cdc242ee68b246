namespace ActorBroker.Hl7;

/// <summary>ERR-4 severity (HL7 table 0516): E, W, I.</summary>
public enum Hl7Severity
{
    Error,
    Warning,
    Information,
}
