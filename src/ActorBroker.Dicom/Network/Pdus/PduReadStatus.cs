namespace ActorBroker.Dicom.Network.Pdus;

internal enum PduReadStatus
{
    /// <summary>A whole, well-formed PDU was read.</summary>
    Pdu,

    /// <summary>The transport closed (or failed) on a PDU boundary.</summary>
    Closed,

    /// <summary>The transport closed (or failed) inside a PDU.</summary>
    Truncated,

    /// <summary>Unrecognized PDU type, a length past the limits, or a malformed variable field.</summary>
    Invalid,
}
