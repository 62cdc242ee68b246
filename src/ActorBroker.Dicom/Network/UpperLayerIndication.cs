using ActorBroker.Dicom.Network.Pdus;

namespace ActorBroker.Dicom.Network;

/// <summary>One indication from <see cref="UpperLayerChannel.ReceiveAsync"/>.</summary>
internal readonly record struct UpperLayerIndication(
    UpperLayerIndicationKind Kind,
    Pdu? Pdu = null,
    AAbortSource AbortSource = AAbortSource.ServiceProvider,
    AAbortReason AbortReason = AAbortReason.ReasonNotSpecified,
    string? Detail = null)
{
    public static readonly UpperLayerIndication Closed = new(UpperLayerIndicationKind.Closed);
}
