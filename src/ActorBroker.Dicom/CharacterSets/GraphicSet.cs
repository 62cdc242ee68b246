using System.Text;

namespace ActorBroker.Dicom.CharacterSets;

/// <summary>
/// One ISO 2022 graphic character set as DICOM uses it (PS3.3 C.12.1.1.2, PS3.5 6.1.2.5): which element it is
/// designated to (G0 for bytes 21H-7EH, G1 for A0H-FFH), its designation escape sequence, and how to map
/// bytes to characters and back.
/// </summary>
internal sealed class GraphicSet
{
    private readonly char[]? _high;              // single-byte G1: chars for bytes 80H-FFH
    private readonly Dictionary<char, byte>? _reverse;
    private readonly Encoding? _pairDecoder;
    private readonly Encoding? _pairEncoder;

    private GraphicSet(string name, GraphicSetKind kind, bool isG1, byte[] escape, int codePage = 0)
    {
        Name = name;
        Kind = kind;
        IsG1 = isG1;
        Escape = escape;
        switch (kind)
        {
            case GraphicSetKind.Latin:
                (_high, _reverse) = BuildSingleByte(codePage);
                break;
            case GraphicSetKind.JisX0208:
            case GraphicSetKind.JisX0212:
                // Code page 20932 (EUC-JP) also carries JIS X 0212 as a lead byte A1H-FEH with a trail byte 21H-7EH.
                _pairDecoder = DicomEncodings.Lenient(20932);
                _pairEncoder = _pairDecoder;
                break;
            case GraphicSetKind.KsX1001:
                _pairDecoder = DicomEncodings.Lenient(51949);
                _pairEncoder = _pairDecoder;
                break;
            case GraphicSetKind.Gb2312:
                _pairDecoder = DicomEncodings.Lenient(936);
                _pairEncoder = _pairDecoder;
                break;
        }
    }

    // PS3.3 Table C.12-3/C.12-4: designation escape sequences.
    public static readonly GraphicSet Ascii = new("ISO-IR 6", GraphicSetKind.Ascii, isG1: false, [0x1B, 0x28, 0x42]);          // ESC ( B
    public static readonly GraphicSet Romaji = new("ISO-IR 14", GraphicSetKind.Romaji, isG1: false, [0x1B, 0x28, 0x4A]);       // ESC ( J
    public static readonly GraphicSet Katakana = new("ISO-IR 13", GraphicSetKind.Katakana, isG1: true, [0x1B, 0x29, 0x49]);    // ESC ) I
    public static readonly GraphicSet JisX0208 = new("ISO-IR 87", GraphicSetKind.JisX0208, isG1: false, [0x1B, 0x24, 0x42]);   // ESC $ B
    public static readonly GraphicSet JisX0212 = new("ISO-IR 159", GraphicSetKind.JisX0212, isG1: false, [0x1B, 0x24, 0x28, 0x44]); // ESC $ ( D
    public static readonly GraphicSet KsX1001 = new("ISO-IR 149", GraphicSetKind.KsX1001, isG1: true, [0x1B, 0x24, 0x29, 0x43]);   // ESC $ ) C
    public static readonly GraphicSet Gb2312 = new("ISO-IR 58", GraphicSetKind.Gb2312, isG1: true, [0x1B, 0x24, 0x29, 0x41]);      // ESC $ ) A

    /// <summary>A 96-character set designated to G1 with ESC - F (F = final byte), decoded through an ISO 8859 / TIS 620 code page.</summary>
    public static GraphicSet Latin(string name, int codePage, char final) =>
        new(name, GraphicSetKind.Latin, isG1: true, [0x1B, 0x2D, (byte)final], codePage);

    public string Name { get; }

    public GraphicSetKind Kind { get; }

    public bool IsG1 { get; }

    public bool IsMultiByte => Kind is GraphicSetKind.JisX0208 or GraphicSetKind.JisX0212 or GraphicSetKind.KsX1001 or GraphicSetKind.Gb2312;

    /// <summary>The escape sequence that designates this set (ESC included).</summary>
    public byte[] Escape { get; }

    /// <summary>Character for a G1 byte (80H-FFH) of a single-byte set; U+FFFD when undefined.</summary>
    public char DecodeHigh(byte b) => Kind switch
    {
        GraphicSetKind.Latin => _high![b - 0x80],
        GraphicSetKind.Katakana when b is >= 0xA1 and <= 0xDF => (char)(0xFF61 + (b - 0xA1)), // JIS X 0201 -> half-width katakana
        _ => '\uFFFD',
    };

    /// <summary>Character for a two-byte code (G0: bytes 21H-7EH; G1: A1H-FEH as on the wire); U+FFFD when undefined.</summary>
    public string DecodePair(byte b1, byte b2)
    {
        Span<byte> euc = stackalloc byte[2];
        switch (Kind)
        {
            case GraphicSetKind.JisX0208:
                euc[0] = (byte)(b1 | 0x80);
                euc[1] = (byte)(b2 | 0x80);
                break;
            case GraphicSetKind.JisX0212:
                euc[0] = (byte)(b1 | 0x80);
                euc[1] = (byte)(b2 & 0x7F);
                break;
            default:
                euc[0] = b1;
                euc[1] = b2;
                break;
        }
        return _pairDecoder!.GetString(euc);
    }

    /// <summary>The byte(s) for <paramref name="c"/> in this set as written on the wire, or false.</summary>
    public bool TryEncode(char c, Span<byte> dest, out int written)
    {
        written = 0;
        switch (Kind)
        {
            case GraphicSetKind.Ascii:
            case GraphicSetKind.Romaji:
                if (c >= 0x80) return false;
                dest[0] = (byte)c;
                written = 1;
                return true;
            case GraphicSetKind.Latin:
                if (!_reverse!.TryGetValue(c, out var b)) return false;
                dest[0] = b;
                written = 1;
                return true;
            case GraphicSetKind.Katakana:
                if (c is < '\uFF61' or > '\uFF9F') return false;
                dest[0] = (byte)(0xA1 + (c - 0xFF61));
                written = 1;
                return true;
            default:
                return TryEncodePair(c, dest, out written);
        }
    }

    private bool TryEncodePair(char c, Span<byte> dest, out int written)
    {
        written = 0;
        if (char.IsSurrogate(c) || c < 0x80) return false;
        Span<byte> tmp = stackalloc byte[8];
        // The lenient encoder writes '?' (one byte) for an unmappable character; any result that is not
        // exactly one in-range pair is a refusal, which also rules out the code pages' extensions
        // (GBK and UHC codes outside GB 2312 / KS X 1001, EUC-JP half-width katakana).
        var n = _pairEncoder!.GetBytes(new ReadOnlySpan<char>(in c), tmp);
        if (n != 2) return false;
        byte b1 = tmp[0], b2 = tmp[1];
        if (b1 is < 0xA1 or > 0xFE) return false;
        switch (Kind)
        {
            case GraphicSetKind.JisX0208:
                if (b2 is < 0xA1 or > 0xFE) return false;
                dest[0] = (byte)(b1 & 0x7F);
                dest[1] = (byte)(b2 & 0x7F);
                break;
            case GraphicSetKind.JisX0212:
                if (b2 is < 0x21 or > 0x7E) return false;
                dest[0] = (byte)(b1 & 0x7F);
                dest[1] = b2;
                break;
            default:
                if (b2 is < 0xA1 or > 0xFE) return false;
                dest[0] = b1;
                dest[1] = b2;
                break;
        }
        written = 2;
        return true;
    }

    private static (char[] High, Dictionary<char, byte> Reverse) BuildSingleByte(int codePage)
    {
        var enc = DicomEncodings.Lenient(codePage);
        var high = new char[128];
        var reverse = new Dictionary<char, byte>();
        for (var i = 0; i < 128; i++)
        {
            var b = (byte)(0x80 + i);
            var s = enc.GetString([b]);
            var c = s.Length == 1 ? s[0] : '\uFFFD';
            high[i] = c;
            // Only the G1 range (A0H-FFH) is encodable: 80H-9FH are C1 controls in ISO 8859 (874 puts '€' there,
            // TIS 620 does not), and unassigned bytes decode to U+FFFD or private-use characters.
            if (b >= 0xA0 && c != '\uFFFD' && c is < '\uE000' or > '\uF8FF') reverse.TryAdd(c, b);
        }
        return (high, reverse);
    }

    public override string ToString() => Name;
}
