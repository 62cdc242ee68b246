using System.Text;

namespace ActorBroker.Hl7;

/// <summary>
/// MSH-18 character set names (HL7 table 0211) to .NET encodings. Only encodings in which every
/// byte below 0x80 is the ASCII character are supported: the reader splits on delimiter bytes
/// before decoding, which is only sound when no multi-byte sequence can contain a delimiter byte
/// (that rules out UTF-16/32, GB 18030, BIG-5 and ISO-2022 JIS).
/// </summary>
// HL7 2.5.1 ch. 2.15.9.18 (MSH-18 character set) and table 0211 (alternate character sets)
public static class Hl7Charsets
{
    /// <summary>UTF-8 without a BOM; invalid sequences decode to U+FFFD rather than throw.</summary>
    public static Encoding Utf8 { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    /// <summary>ISO 8859-1.</summary>
    public static Encoding Latin1 => Encoding.Latin1;

    /// <summary>
    /// The encoding named by MSH-18 (first repetition only: later repetitions are alternates
    /// switched to by escape sequences, which we keep verbatim). Null, empty and ASCII give UTF-8,
    /// the ASCII-compatible default that does not destroy bytes an EHR sent anyway; use
    /// <see cref="ResolveForMessage"/> to also sniff the bytes.
    /// </summary>
    /// <exception cref="Hl7Exception">AE, TableValueNotFound (103) at MSH-18 for an unknown or unsupported name.</exception>
    public static Encoding Resolve(string? msh18)
    {
        if (TryResolve(msh18, out var encoding))
        {
            return encoding;
        }

        throw new Hl7Exception(
            new Hl7Error(
                Hl7ErrorCode.TableValueNotFound,
                new Hl7Location("MSH", 1, 18),
                $"MSH-18 character set '{msh18}' is not supported (supported: ASCII, 8859/1-9, 8859/13, 8859/15, UNICODE UTF-8, KS X 1001)"),
            AckCode.AE);
    }

    /// <summary>
    /// The encoding for a whole message. HL7 says an absent MSH-18 means 7-bit ASCII, but EHRs
    /// routinely send accented names without declaring anything. Decoding such bytes as ASCII would
    /// destroy them, so when MSH-18 is absent (or says ASCII) we decode as UTF-8 when the bytes are
    /// valid UTF-8 (pure ASCII is), otherwise as ISO 8859-1, which maps every byte to a character
    /// and is what undeclared 8-bit senders use in practice.
    /// </summary>
    public static Encoding ResolveForMessage(string? msh18, ReadOnlySpan<byte> message)
    {
        if (IsAsciiOrAbsent(msh18))
        {
            return System.Text.Unicode.Utf8.IsValid(message) ? Utf8 : Latin1;
        }

        return Resolve(msh18);
    }

    /// <summary>Like <see cref="Resolve"/> without throwing.</summary>
    public static bool TryResolve(string? msh18, out Encoding encoding)
    {
        if (IsAsciiOrAbsent(msh18))
        {
            encoding = Utf8;
            return true;
        }

        var name = msh18!.Trim().ToUpperInvariant();
        Encoding? found = name switch
        {
            "UNICODE UTF-8" or "UTF-8" or "UTF8" or "ISO_IR 192" => Utf8,
            // 2.3-era "UNICODE" names no transfer encoding; every sender we know means UTF-8 by it.
            "UNICODE" => Utf8,
            "8859/1" or "ISO-8859-1" or "ISO8859-1" or "ISO_IR 100" or "LATIN1" => Latin1,
            "8859/2" => CodePage(28592),
            "8859/3" => CodePage(28593),
            "8859/4" => CodePage(28594),
            "8859/5" => CodePage(28595),
            "8859/6" => CodePage(28596),
            "8859/7" => CodePage(28597),
            "8859/8" => CodePage(28598),
            "8859/9" => CodePage(28599),
            "8859/13" => CodePage(28603),
            "8859/15" or "ISO-8859-15" => CodePage(28605),
            "WINDOWS-1252" or "CP1252" => CodePage(1252),
            // EUC-KR: both bytes of a double-byte character are >= 0xA1, so delimiters stay safe.
            "KS X 1001" => CodePage(51949),
            _ => null,
        };

        encoding = found ?? Utf8;
        return found is not null;
    }

    private static bool IsAsciiOrAbsent(string? msh18) =>
        string.IsNullOrWhiteSpace(msh18)
        || msh18.Trim().Equals("ASCII", StringComparison.OrdinalIgnoreCase)
        || msh18.Trim().Equals("ISO IR6", StringComparison.OrdinalIgnoreCase);

    // Asked of the provider directly instead of registering it globally: a library should not
    // change Encoding.GetEncoding for the whole process.
    private static Encoding CodePage(int codePage) =>
        CodePagesEncodingProvider.Instance.GetEncoding(codePage) ?? throw new InvalidOperationException($"code page {codePage} unavailable");
}
