using System.Globalization;

namespace ActorBroker.Dicom.Data;

/// <summary>A Data Element Tag (PS3.5 7.1): group and element number, ordered as on the wire.</summary>
public readonly record struct DicomTag(ushort Group, ushort Element) : IComparable<DicomTag>, IComparable
{
    /// <summary>The tag as one 32-bit number, group in the high half: the Data Set ordering key (PS3.5 7.1).</summary>
    public uint Value => ((uint)Group << 16) | Element;

    /// <summary>Odd groups are private (PS3.5 7.8).</summary>
    public bool IsPrivate => (Group & 1) == 1;

    /// <summary>(gggg,0000): a Group Length element (PS3.5 7.2).</summary>
    public bool IsGroupLength => Element == 0;

    /// <summary>(gggg,0010-00FF) in an odd group: a Private Creator Data Element (PS3.5 7.8.1).</summary>
    public bool IsPrivateCreator => IsPrivate && Element is >= 0x0010 and <= 0x00FF;

    public static DicomTag FromValue(uint value) => new((ushort)(value >> 16), (ushort)value);

    /// <summary>Parses "(0010,0010)", "0010,0010" or "00100010" (hex).</summary>
    public static DicomTag Parse(string text)
    {
        if (TryParse(text, out var tag)) return tag;
        throw new FormatException($"'{text}' is not a DICOM tag; expected (gggg,eeee) in hex.");
    }

    public static bool TryParse(string? text, out DicomTag tag)
    {
        tag = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var s = text.Trim();
        if (s.StartsWith('(') && s.EndsWith(')')) s = s[1..^1];
        s = s.Replace(",", "", StringComparison.Ordinal);
        if (s.Length != 8) return false;
        if (!uint.TryParse(s, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var v)) return false;
        tag = FromValue(v);
        return true;
    }

    public int CompareTo(DicomTag other) => Value.CompareTo(other.Value);

    public int CompareTo(object? obj) => obj switch
    {
        null => 1,
        DicomTag t => CompareTo(t),
        _ => throw new ArgumentException("Object is not a DicomTag.", nameof(obj)),
    };

    public static bool operator <(DicomTag left, DicomTag right) => left.Value < right.Value;
    public static bool operator >(DicomTag left, DicomTag right) => left.Value > right.Value;
    public static bool operator <=(DicomTag left, DicomTag right) => left.Value <= right.Value;
    public static bool operator >=(DicomTag left, DicomTag right) => left.Value >= right.Value;

    public override string ToString() => $"({Group:X4},{Element:X4})";
}
