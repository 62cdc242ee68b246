namespace ActorBroker.Hl7;

/// <summary>XPN, a person name: family^given^middle^suffix^prefix (XPN.1 first subcomponent is the surname).</summary>
// HL7 2.5.1 ch. 2A.88 (XPN extended person name)
public sealed record Hl7Xpn(string Family, string Given, string Middle, string Suffix, string Prefix)
{
    /// <summary>True when every part is empty.</summary>
    public bool IsEmpty => Family.Length == 0 && Given.Length == 0 && Middle.Length == 0 && Suffix.Length == 0 && Prefix.Length == 0;

    /// <summary>
    /// The DICOM PN form. DICOM orders the components family^given^middle^prefix^suffix, while
    /// XPN has suffix before prefix: the last two swap places here.
    /// </summary>
    // DICOM PS3.5 6.2 (PN value representation)
    public string ToDicomPn() => DicomPersonName.Format(Family, Given, Middle, Prefix, Suffix);

    internal static Hl7Xpn Read(Hl7Segment segment, int field, int repetition) =>
        new(
            segment.Get(field, 1, 1, repetition),
            segment.Get(field, 2, 1, repetition),
            segment.Get(field, 3, 1, repetition),
            segment.Get(field, 4, 1, repetition),
            segment.Get(field, 5, 1, repetition));
}
