namespace ActorBroker.Dicom.Network.Pdus;

/// <summary>What <see cref="PduReader.ReadAsync"/> produced.</summary>
/// <param name="Status">Outcome.</param>
/// <param name="Pdu">The PDU when <paramref name="Status"/> is <see cref="PduReadStatus.Pdu"/>.</param>
/// <param name="Reason">The A-ABORT reason when invalid.</param>
/// <param name="StreamSynchronized">False when the rest of the invalid PDU was not consumed, so the next bytes are not a PDU header.</param>
/// <param name="Detail">Human-readable cause.</param>
internal readonly record struct PduReadResult(
    PduReadStatus Status,
    Pdu? Pdu = null,
    AAbortReason Reason = AAbortReason.ReasonNotSpecified,
    bool StreamSynchronized = true,
    string? Detail = null)
{
    public static PduReadResult Of(Pdu pdu) => new(PduReadStatus.Pdu, pdu);
}
