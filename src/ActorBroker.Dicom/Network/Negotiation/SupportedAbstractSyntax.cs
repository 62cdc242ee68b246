namespace ActorBroker.Dicom.Network.Negotiation;

/// <summary>
/// An abstract syntax (SOP class) we accept, with the transfer syntaxes we accept for it in order of
/// preference: the first of ours that the requestor also proposed is chosen.
/// </summary>
public sealed record SupportedAbstractSyntax(string AbstractSyntaxUid, IReadOnlyList<string> TransferSyntaxUids)
{
    /// <summary>
    /// Explicit VR Little Endian first (it carries the VRs, so private and unknown elements survive),
    /// then Implicit VR Little Endian (the default every peer supports). Explicit VR Big Endian is retired
    /// (PS3.5 A.3) and refused.
    /// </summary>
    public static readonly IReadOnlyList<string> DefaultTransferSyntaxes =
        [WellKnownUids.ExplicitVRLittleEndian, WellKnownUids.ImplicitVRLittleEndian];

    public SupportedAbstractSyntax(string abstractSyntaxUid)
        : this(abstractSyntaxUid, DefaultTransferSyntaxes)
    {
    }
}
