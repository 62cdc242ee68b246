namespace ActorBroker.Hl7;

/// <summary>MSA-1 acknowledgment code (HL7 table 0008). CA/CE/CR are the enhanced-mode commit ACKs.</summary>
public enum AckCode
{
    AA,
    AE,
    AR,
    CA,
    CE,
    CR,
}
