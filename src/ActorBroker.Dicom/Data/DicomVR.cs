namespace ActorBroker.Dicom.Data;

/// <summary>
/// A Value Representation (PS3.5 6.2, Table 6.2-1). A two-letter code plus what the encoder and decoder
/// need to know about it: the Explicit VR header form (PS3.5 7.1.2), the padding byte (PS3.5 6.2),
/// whether the value is text, whether Specific Character Set applies (PS3.5 6.1.2.3).
/// </summary>
public readonly struct DicomVR : IEquatable<DicomVR>
{
    [Flags]
    private enum Kind
    {
        None = 0,
        String = 1,          // a character string (padded with space or NUL to even length)
        Text = 2,            // ST, LT, UT: one value; backslash is a character, not a delimiter
        PersonName = 4,
        CharsetSensitive = 8, // Specific Character Set applies (SH, LO, ST, LT, UC, UT, PN)
        LongLength = 16,     // Explicit VR header: 2 reserved bytes + 32-bit length
        NulPadded = 32,      // padded with 00H (UI and the O* / UN byte streams)
        Binary = 64,         // not a character string
    }

    private readonly ushort _code;

    private DicomVR(ushort code) => _code = code;

    /// <summary>Application Entity, 16 chars, default repertoire.</summary>
    public static readonly DicomVR AE = FromCode('A', 'E');
    /// <summary>Age String, 4 chars (nnnD/W/M/Y).</summary>
    public static readonly DicomVR AS = FromCode('A', 'S');
    /// <summary>Attribute Tag: pairs of 16-bit unsigned integers.</summary>
    public static readonly DicomVR AT = FromCode('A', 'T');
    /// <summary>Code String, 16 chars, upper case, digits, space, underscore.</summary>
    public static readonly DicomVR CS = FromCode('C', 'S');
    /// <summary>Date YYYYMMDD.</summary>
    public static readonly DicomVR DA = FromCode('D', 'A');
    /// <summary>Decimal String, 16 chars.</summary>
    public static readonly DicomVR DS = FromCode('D', 'S');
    /// <summary>Date Time YYYYMMDDHHMMSS.FFFFFF&amp;ZZXX, 26 chars.</summary>
    public static readonly DicomVR DT = FromCode('D', 'T');
    /// <summary>Floating Point Double (8 bytes).</summary>
    public static readonly DicomVR FD = FromCode('F', 'D');
    /// <summary>Floating Point Single (4 bytes).</summary>
    public static readonly DicomVR FL = FromCode('F', 'L');
    /// <summary>Integer String, 12 chars.</summary>
    public static readonly DicomVR IS = FromCode('I', 'S');
    /// <summary>Long String, 64 chars.</summary>
    public static readonly DicomVR LO = FromCode('L', 'O');
    /// <summary>Long Text, 10240 chars.</summary>
    public static readonly DicomVR LT = FromCode('L', 'T');
    /// <summary>Other Byte.</summary>
    public static readonly DicomVR OB = FromCode('O', 'B');
    /// <summary>Other Double.</summary>
    public static readonly DicomVR OD = FromCode('O', 'D');
    /// <summary>Other Float.</summary>
    public static readonly DicomVR OF = FromCode('O', 'F');
    /// <summary>Other Long.</summary>
    public static readonly DicomVR OL = FromCode('O', 'L');
    /// <summary>Other 64-bit Very Long.</summary>
    public static readonly DicomVR OV = FromCode('O', 'V');
    /// <summary>Other Word.</summary>
    public static readonly DicomVR OW = FromCode('O', 'W');
    /// <summary>Person Name, 64 chars per component group.</summary>
    public static readonly DicomVR PN = FromCode('P', 'N');
    /// <summary>Short String, 16 chars.</summary>
    public static readonly DicomVR SH = FromCode('S', 'H');
    /// <summary>Signed Long (4 bytes).</summary>
    public static readonly DicomVR SL = FromCode('S', 'L');
    /// <summary>Sequence of Items.</summary>
    public static readonly DicomVR SQ = FromCode('S', 'Q');
    /// <summary>Signed Short (2 bytes).</summary>
    public static readonly DicomVR SS = FromCode('S', 'S');
    /// <summary>Short Text, 1024 chars.</summary>
    public static readonly DicomVR ST = FromCode('S', 'T');
    /// <summary>Signed 64-bit Very Long (8 bytes).</summary>
    public static readonly DicomVR SV = FromCode('S', 'V');
    /// <summary>Time HHMMSS.FFFFFF, 14 chars.</summary>
    public static readonly DicomVR TM = FromCode('T', 'M');
    /// <summary>Unlimited Characters.</summary>
    public static readonly DicomVR UC = FromCode('U', 'C');
    /// <summary>Unique Identifier, 64 chars, NUL padded.</summary>
    public static readonly DicomVR UI = FromCode('U', 'I');
    /// <summary>Unsigned Long (4 bytes).</summary>
    public static readonly DicomVR UL = FromCode('U', 'L');
    /// <summary>Unknown: bytes carried through as they came.</summary>
    public static readonly DicomVR UN = FromCode('U', 'N');
    /// <summary>Universal Resource Identifier.</summary>
    public static readonly DicomVR UR = FromCode('U', 'R');
    /// <summary>Unsigned Short (2 bytes).</summary>
    public static readonly DicomVR US = FromCode('U', 'S');
    /// <summary>Unlimited Text.</summary>
    public static readonly DicomVR UT = FromCode('U', 'T');
    /// <summary>Unsigned 64-bit Very Long (8 bytes).</summary>
    public static readonly DicomVR UV = FromCode('U', 'V');

    /// <summary>Every VR of PS3.5 Table 6.2-1.</summary>
    public static IReadOnlyList<DicomVR> All { get; } =
    [
        AE, AS, AT, CS, DA, DS, DT, FD, FL, IS, LO, LT, OB, OD, OF, OL, OV, OW, PN,
        SH, SL, SQ, SS, ST, SV, TM, UC, UI, UL, UN, UR, US, UT, UV,
    ];

    /// <summary>The two-letter code, e.g. "PN" ("??" for default(DicomVR)).</summary>
    public string Code => _code == 0 ? "??" : new string([(char)(_code >> 8), (char)(_code & 0xFF)]);

    /// <summary>The first code byte as written in an Explicit VR header.</summary>
    public byte Byte0 => (byte)(_code >> 8);

    /// <summary>The second code byte as written in an Explicit VR header.</summary>
    public byte Byte1 => (byte)_code;

    /// <summary>True for the VRs of PS3.5 Table 6.2-1 (false for default(DicomVR)).</summary>
    public bool IsKnown => KindOf(_code) != Kind.None;

    /// <summary>
    /// PS3.5 7.1.2: in Explicit VR these VRs have 2 reserved bytes and a 32-bit length;
    /// all others a 16-bit length.
    /// </summary>
    public bool Is32BitLength => Has(Kind.LongLength);

    /// <summary>Size of the Explicit VR element header: 12 for 32-bit-length VRs, else 8.</summary>
    public int ExplicitHeaderLength => Is32BitLength ? 12 : 8;

    /// <summary>Byte that pads a value to even length (PS3.5 6.2): NUL for UI and byte streams, space for strings.</summary>
    public byte PaddingByte => Has(Kind.NulPadded) ? (byte)0x00 : Has(Kind.String) ? (byte)0x20 : (byte)0x00;

    /// <summary>Character string VRs (AE AS CS DA DS DT IS LO LT PN SH ST TM UC UI UR UT).</summary>
    public bool IsString => Has(Kind.String);

    /// <summary>ST, LT, UT: single-valued text; backslash is an ordinary character.</summary>
    public bool IsText => Has(Kind.Text);

    /// <summary>PN: component groups '=' and components '^' (PS3.5 6.2.1).</summary>
    public bool IsPersonName => Has(Kind.PersonName);

    /// <summary>SH LO ST LT UC UT PN: the VRs whose characters come from Specific Character Set (PS3.5 6.1.2.3).</summary>
    public bool IsCharacterSetSensitive => Has(Kind.CharsetSensitive);

    /// <summary>Not a character string: binary numbers, byte streams, AT, SQ.</summary>
    public bool IsBinary => Has(Kind.Binary);

    /// <summary>True when the VR may hold several values separated by backslash (strings that are not ST/LT/UT/UR).</summary>
    public bool IsMultiValueString => IsString && !IsText && _code != UR._code;

    /// <summary>Size of one binary value (US 2, UL 4, FD 8, AT 4, ...); 0 for strings, byte streams and SQ.</summary>
    public int ValueSize => Code switch
    {
        "US" or "SS" => 2,
        "UL" or "SL" or "FL" or "AT" => 4,
        "FD" or "SV" or "UV" => 8,
        _ => 0,
    };

    /// <summary>Maximum characters (bytes for AE/CS/UI...) of one value per PS3.5 Table 6.2-1; 0 when unlimited or not a string.</summary>
    public int MaxLength => Code switch
    {
        "AE" or "CS" or "SH" or "DS" => 16,
        "AS" => 4,
        "DA" => 8,
        "DT" => 26,
        "IS" => 12,
        "LO" or "PN" or "UI" => 64,
        "LT" => 10240,
        "ST" => 1024,
        "TM" => 14,
        _ => 0,
    };

    /// <summary>Parses a VR code such as "PN"; false for anything not in PS3.5 Table 6.2-1.</summary>
    public static bool TryParse(string? code, out DicomVR vr)
    {
        vr = default;
        if (code is null || code.Length != 2) return false;
        return TryParse((byte)code[0], (byte)code[1], out vr) && code[0] < 0x80 && code[1] < 0x80;
    }

    /// <summary>Parses the two VR bytes of an Explicit VR header.</summary>
    public static bool TryParse(byte b0, byte b1, out DicomVR vr)
    {
        var code = (ushort)((b0 << 8) | b1);
        if (KindOf(code) == Kind.None)
        {
            vr = default;
            return false;
        }
        vr = new DicomVR(code);
        return true;
    }

    public static DicomVR Parse(string code) =>
        TryParse(code, out var vr) ? vr : throw new FormatException($"'{code}' is not a DICOM VR (PS3.5 Table 6.2-1).");

    private static DicomVR FromCode(char a, char b) => new((ushort)((a << 8) | b));

    private bool Has(Kind k) => (KindOf(_code) & k) != 0;

    private static Kind KindOf(ushort code)
    {
        const Kind S = Kind.String;
        const Kind Cs = Kind.String | Kind.CharsetSensitive;
        return ((char)(code >> 8), (char)(code & 0xFF)) switch
        {
            ('A', 'E') or ('A', 'S') or ('C', 'S') or ('D', 'A') or ('D', 'S') or ('D', 'T') or ('I', 'S') or ('T', 'M') => S,
            ('U', 'I') => S | Kind.NulPadded,
            ('U', 'R') => S | Kind.LongLength,
            ('S', 'H') or ('L', 'O') => Cs,
            ('P', 'N') => Cs | Kind.PersonName,
            ('S', 'T') or ('L', 'T') => Cs | Kind.Text,
            ('U', 'T') => Cs | Kind.Text | Kind.LongLength,
            ('U', 'C') => Cs | Kind.LongLength,
            ('A', 'T') or ('F', 'D') or ('F', 'L') or ('S', 'L') or ('S', 'S') or ('U', 'L') or ('U', 'S') => Kind.Binary,
            ('S', 'V') or ('U', 'V') => Kind.Binary | Kind.LongLength,
            ('O', 'B') or ('O', 'D') or ('O', 'F') or ('O', 'L') or ('O', 'V') or ('O', 'W') or ('U', 'N') =>
                Kind.Binary | Kind.LongLength | Kind.NulPadded,
            ('S', 'Q') => Kind.Binary | Kind.LongLength,
            _ => Kind.None,
        };
    }

    public bool Equals(DicomVR other) => _code == other._code;

    public override bool Equals(object? obj) => obj is DicomVR other && Equals(other);

    public override int GetHashCode() => _code;

    public static bool operator ==(DicomVR left, DicomVR right) => left.Equals(right);

    public static bool operator !=(DicomVR left, DicomVR right) => !left.Equals(right);

    public override string ToString() => Code;
}
