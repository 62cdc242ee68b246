namespace ActorBroker.Dicom.Network.Pdus;

/// <summary>
/// A PDU (or an item inside one) does not follow PS3.8 9.3. Carries the A-ABORT reason the
/// service-provider answers with (Evt19, "unrecognized or invalid PDU received").
/// </summary>
internal sealed class PduFormatException : Exception
{
    public PduFormatException(AAbortReason reason, string message)
        : base(message) => Reason = reason;

    public AAbortReason Reason { get; }
}
