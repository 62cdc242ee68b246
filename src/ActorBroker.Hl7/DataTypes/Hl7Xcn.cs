namespace ActorBroker.Hl7;

/// <summary>XCN, a person with an id (doctors): id^family^given^middle^suffix^prefix.</summary>
// HL7 2.5.1 ch. 2A.89 (XCN extended composite ID number and name for persons)
public sealed record Hl7Xcn(string Id, string Family, string Given, string Middle, string Suffix, string Prefix)
{
    public bool IsEmpty => Id.Length == 0 && Family.Length == 0 && Given.Length == 0 && Middle.Length == 0 && Suffix.Length == 0 && Prefix.Length == 0;

    /// <summary>The DICOM PN form (family^given^middle^prefix^suffix, trailing empties dropped).</summary>
    // DICOM PS3.5 6.2 (PN value representation)
    public string ToDicomPn() => DicomPersonName.Format(Family, Given, Middle, Prefix, Suffix);

    internal static Hl7Xcn Read(Hl7Segment segment, int field, int repetition = 1) =>
        new(
            segment.Get(field, 1, 1, repetition),
            segment.Get(field, 2, 1, repetition),
            segment.Get(field, 3, 1, repetition),
            segment.Get(field, 4, 1, repetition),
            segment.Get(field, 5, 1, repetition),
            segment.Get(field, 6, 1, repetition));
}
