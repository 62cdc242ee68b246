using ActorBroker.Dicom.Network.Pdus;

namespace ActorBroker.Dicom.Network.Negotiation;

/// <summary>A presentation context as negotiated (PS3.8 7.1.1.13): what was proposed and what was answered.</summary>
public sealed record PresentationContext(
    byte Id,
    string AbstractSyntaxUid,
    PresentationContextResult Result,
    string TransferSyntaxUid)
{
    public bool IsAccepted => Result == PresentationContextResult.Acceptance;
}
