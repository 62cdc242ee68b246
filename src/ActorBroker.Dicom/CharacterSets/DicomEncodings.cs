using System.Text;

namespace ActorBroker.Dicom.CharacterSets;

/// <summary>
/// .NET encodings behind the DICOM character sets. ISO 8859-x, EUC and GB code pages live in
/// System.Text.Encoding.CodePages and need its provider registered once per process (done here, in the
/// static constructor, before any code page is asked for). Verified present on .NET 10: 28591-28599, 28605,
/// 874, 936, 54936, 20932, 51949.
/// </summary>
internal static class DicomEncodings
{
    static DicomEncodings()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    /// <summary>Strict: throws <see cref="EncoderFallbackException"/> instead of '?' or best-fit (Latin-1 maps ř to r otherwise).</summary>
    public static Encoding Strict(int codePage) =>
        Encoding.GetEncoding(codePage, EncoderFallback.ExceptionFallback, DecoderFallback.ReplacementFallback);

    /// <summary>Lenient both ways: '?' for unencodable characters, U+FFFD for undecodable bytes. Used to probe one character.</summary>
    public static Encoding Lenient(int codePage) =>
        Encoding.GetEncoding(codePage, EncoderFallback.ReplacementFallback, DecoderFallback.ReplacementFallback);
}
