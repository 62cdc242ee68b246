namespace ActorBroker.Dicom.Network.Pdus;

/// <summary>A-ABORT PDU Reason/Diag. field when the source is the service-provider, PS3.8 9.3.8 (Table 9-26, byte 10).</summary>
public enum AAbortReason : byte
{
    ReasonNotSpecified = 0,
    UnrecognizedPdu = 1,
    UnexpectedPdu = 2,
    UnrecognizedPduParameter = 4,
    UnexpectedPduParameter = 5,
    InvalidPduParameterValue = 6,
}
