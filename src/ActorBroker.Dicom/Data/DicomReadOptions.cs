namespace ActorBroker.Dicom.Data;

/// <summary>Limits and leniency of <see cref="DicomDatasetReader"/>.</summary>
public sealed record DicomReadOptions
{
    public static DicomReadOptions Default { get; } = new();

    /// <summary>
    /// Deepest sequence nesting accepted (a top-level sequence is depth 1). Bounds recursion so a hostile
    /// peer cannot exhaust the stack; real MWL/MPPS/SR data stays under 10. Capped at 256.
    /// </summary>
    public int MaxDepth { get; init; } = 32;

    /// <summary>
    /// PS3.5 7.1.1 requires even value lengths. Strict by default; some old encoders emit odd lengths,
    /// and a site can opt in to reading them.
    /// </summary>
    public bool AllowOddLengths { get; init; }
}
