namespace ActorBroker.Dicom.Dimse;

/// <summary>
/// The DIMSE services a listener offers, one provider per operation. A request whose provider is null is
/// answered with 0211H Unrecognized operation. Which SOP classes are accepted at all is the
/// <see cref="Network.Negotiation.AssociationPolicy"/>'s business.
/// </summary>
public sealed record DicomServiceProviders
{
    public ICEchoProvider Echo { get; init; } = DefaultCEchoProvider.Instance;

    public ICFindProvider? Find { get; init; }

    public ICStoreProvider? Store { get; init; }

    public INCreateProvider? NCreate { get; init; }

    public INSetProvider? NSet { get; init; }

    public static DicomServiceProviders EchoOnly { get; } = new();
}
