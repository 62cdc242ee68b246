namespace ActorBroker.Dicom.Mwl;

/// <summary>How an MWL query matches (PS3.4 C.2.2.2 leaves these to the SCP's conformance statement).</summary>
public sealed record MwlMatchingOptions
{
    public static MwlMatchingOptions Default { get; } = new();

    /// <summary>
    /// Person names compared literally (byte-exact after decoding: case and accents matter), as dcmtk's wlmscpfs
    /// does. Off by default: PS3.4 C.2.2.2.1 lets PN matching ignore case and accents, and "nunez*" should find
    /// "NÚÑEZ^JOSÉ".
    /// </summary>
    public bool ExactNameMatching { get; init; }

    /// <summary>
    /// PS3.4 C.2.2.2.5: when SPS Start Date and Time both carry the same form of range, match them as one
    /// date-time range (so "20261127-20261128" with "2000-0600" means an overnight window). The standard ties this
    /// to the Date-time matching byte of SOP Class Extended Negotiation; the SCP should pass false when the SCU
    /// did not negotiate it and strict behaviour is wanted.
    /// </summary>
    public bool CombinedDateTimeMatching { get; init; } = true;
}
