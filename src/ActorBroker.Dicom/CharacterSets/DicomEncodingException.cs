namespace ActorBroker.Dicom.CharacterSets;

/// <summary>
/// Text that the target character set cannot carry. Thrown instead of writing '?' or best-fit bytes, so a
/// wrong name never reaches a modality silently; transliterate first (<see cref="DicomTextTransliterator"/>)
/// when a lossy form is acceptable.
/// </summary>
public sealed class DicomEncodingException : Exception
{
    public DicomEncodingException()
    {
    }

    public DicomEncodingException(string message)
        : base(message)
    {
    }

    public DicomEncodingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public DicomEncodingException(string text, int index, string specificCharacterSet)
        : base($"'{Escape(text, index)}' (U+{CodePoint(text, index):X4} at index {index}) cannot be encoded in Specific Character Set '{specificCharacterSet}'")
    {
        Index = index;
        SpecificCharacterSet = specificCharacterSet;
    }

    /// <summary>Index of the first character that could not be encoded.</summary>
    public int Index { get; } = -1;

    /// <summary>The (0008,0005) value that was the target.</summary>
    public string? SpecificCharacterSet { get; }

    private static int CodePoint(string s, int index) => char.IsSurrogatePair(s, index) ? char.ConvertToUtf32(s, index) : s[index];

    private static string Escape(string text, int index) =>
        char.IsSurrogatePair(text, index) ? text.Substring(index, 2) : text[index].ToString();
}
