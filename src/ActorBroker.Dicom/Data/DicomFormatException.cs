namespace ActorBroker.Dicom.Data;

/// <summary>
/// Malformed DICOM input: a truncated header, a length past the end, an odd or forbidden undefined length,
/// nesting too deep. Carries the byte offset (from the start of the buffer given to the reader) and the tag
/// being read, so a log line can point at the broken byte.
/// </summary>
public sealed class DicomFormatException : Exception
{
    public DicomFormatException()
    {
    }

    public DicomFormatException(string message)
        : base(message)
    {
    }

    public DicomFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public DicomFormatException(string reason, long offset, DicomTag? tag)
        : base(Describe(reason, offset, tag))
    {
        Reason = reason;
        Offset = offset;
        Tag = tag;
    }

    /// <summary>What is wrong, without the position.</summary>
    public string? Reason { get; }

    /// <summary>Byte offset of the problem in the buffer that was read; -1 when not from a buffer.</summary>
    public long Offset { get; } = -1;

    /// <summary>The element being read when the problem was found, when known.</summary>
    public DicomTag? Tag { get; }

    private static string Describe(string reason, long offset, DicomTag? tag) =>
        tag is { } t ? $"{reason} at offset {offset} in {t}" : $"{reason} at offset {offset}";
}
