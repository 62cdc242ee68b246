namespace ActorBroker.Dicom.Data;

/// <summary>Choices left open by PS3.5 7.5 when encoding.</summary>
public sealed record DicomWriteOptions
{
    public static DicomWriteOptions Default { get; } = new();

    /// <summary>
    /// Write sequences and items with undefined length and delimitation items (PS3.5 7.5.1) instead of the
    /// default explicit lengths. Both are valid; explicit lengths are what most SCPs log most readably.
    /// </summary>
    public bool UndefinedLengthSequences { get; init; }
}
