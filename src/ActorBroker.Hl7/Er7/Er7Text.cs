using System.Buffers;
using System.Text;

namespace ActorBroker.Hl7;

/// <summary>Byte-level helpers shared by the reader: split a field into its parts, and decode a value.</summary>
// HL7 2.5.1 ch. 2.5.5 (delimiters inside a field) and 2.7 (use of escape sequences in text fields)
internal static class Er7Text
{
    /// <summary>The <paramref name="n"/>-th (1-based) piece of <paramref name="value"/> split on <paramref name="separator"/>; empty when absent.</summary>
    public static ReadOnlySpan<byte> Piece(ReadOnlySpan<byte> value, char separator, int n)
    {
        if (n <= 0)
        {
            return default;
        }

        if (separator == '\0')
        {
            return n == 1 ? value : default;
        }

        var sep = (byte)separator;
        while (--n > 0)
        {
            var k = value.IndexOf(sep);
            if (k < 0)
            {
                return default;
            }

            value = value[(k + 1)..];
        }

        var end = value.IndexOf(sep);
        return end < 0 ? value : value[..end];
    }

    /// <summary>How many pieces <paramref name="value"/> has when split on <paramref name="separator"/> (0 for an empty value).</summary>
    public static int PieceCount(ReadOnlySpan<byte> value, char separator) =>
        value.IsEmpty ? 0 : separator == '\0' ? 1 : value.Count((byte)separator) + 1;

    /// <summary>Decodes <paramref name="value"/> through the charset, resolving escape sequences.</summary>
    public static string Decode(ReadOnlySpan<byte> value, Hl7Delimiters delimiters, Encoding encoding)
    {
        if (value.IsEmpty)
        {
            return string.Empty;
        }

        if (delimiters.Escape == '\0' || !value.Contains((byte)delimiters.Escape))
        {
            return encoding.GetString(value);
        }

        // Unescaped output is never longer than the input: every escape sequence shrinks or stays.
        var rented = ArrayPool<byte>.Shared.Rent(value.Length);
        try
        {
            var length = Unescape(value, delimiters, rented);
            return encoding.GetString(rented, 0, length);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>Decodes through the charset only; escape sequences stay as written.</summary>
    public static string DecodeRaw(ReadOnlySpan<byte> value, Encoding encoding) =>
        value.IsEmpty ? string.Empty : encoding.GetString(value);

    /// <summary>
    /// Resolves \F\ \S\ \T\ \R\ \E\ (and \P\ when a truncation character is declared) to delimiter
    /// bytes and \Xhh..\ to the raw bytes it spells; keeps formatting (\.br\, \H\, \N\ ...), charset
    /// switches (\C..\, \M..\), local (\Z..\) and malformed sequences verbatim, so decoded text never
    /// silently loses what the sender wrote.
    /// </summary>
    public static int Unescape(ReadOnlySpan<byte> value, Hl7Delimiters delimiters, Span<byte> output)
    {
        var esc = (byte)delimiters.Escape;
        var written = 0;
        while (!value.IsEmpty)
        {
            var open = value.IndexOf(esc);
            if (open < 0)
            {
                value.CopyTo(output[written..]);
                written += value.Length;
                break;
            }

            value[..open].CopyTo(output[written..]);
            written += open;
            var rest = value[(open + 1)..];
            var close = rest.IndexOf(esc);
            if (close < 0)
            {
                // An escape character with no closing one: keep it literally.
                value[open..].CopyTo(output[written..]);
                written += value.Length - open;
                break;
            }

            var sequence = rest[..close];
            var consumed = open + close + 2;
            if (TryResolve(sequence, delimiters, output[written..], out var produced))
            {
                written += produced;
            }
            else
            {
                value.Slice(open, close + 2).CopyTo(output[written..]);
                written += close + 2;
            }

            value = value[consumed..];
        }

        return written;
    }

    private static bool TryResolve(ReadOnlySpan<byte> sequence, Hl7Delimiters d, Span<byte> output, out int produced)
    {
        produced = 0;
        if (sequence.Length == 1)
        {
            var c = sequence[0] switch
            {
                (byte)'F' => d.Field,
                (byte)'S' => d.Component,
                (byte)'T' => d.Subcomponent,
                (byte)'R' => d.Repetition,
                (byte)'E' => d.Escape,
                (byte)'P' => d.Truncation ?? '\0',
                _ => '\0',
            };
            if (c == '\0')
            {
                return false;
            }

            output[0] = (byte)c;
            produced = 1;
            return true;
        }

        if (sequence.Length >= 3 && sequence[0] == 'X' && (sequence.Length - 1) % 2 == 0)
        {
            var hex = sequence[1..];
            for (var i = 0; i < hex.Length; i += 2)
            {
                var hi = HexValue(hex[i]);
                var lo = HexValue(hex[i + 1]);
                if (hi < 0 || lo < 0)
                {
                    return false;
                }

                output[produced++] = (byte)((hi << 4) | lo);
            }

            return true;
        }

        return false;
    }

    private static int HexValue(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        _ => -1,
    };
}
