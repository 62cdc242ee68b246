using System.Text;

namespace ActorBroker.Hl7;

/// <summary>
/// HL7 escape sequences on strings. Decoded text keeps formatting escapes (\.br\, \H\, \N\,
/// \.sp\ ...) verbatim, as a small mark-up; <see cref="Escape"/> therefore leaves those sequences
/// alone, so that Escape(Unescape(x)) gives x back.
/// </summary>
// HL7 2.5.1 ch. 2.7 (use of escape sequences in text fields), 2.7.1-2.7.6 (formatting, hex, charset, local)
public static class Hl7Escaping
{
    /// <summary>
    /// Escapes delimiter characters (\F\ \S\ \T\ \R\ \E\, \P\ for a declared truncation character),
    /// turns line breaks (CRLF, CR, LF) into \.br\ (a raw CR would end the segment) and other
    /// control characters into \Xhh\.
    /// </summary>
    public static string Escape(string value, Hl7Delimiters delimiters)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (delimiters.Escape == '\0' || !NeedsEscaping(value, delimiters))
        {
            return value;
        }

        var builder = new StringBuilder(value.Length + 16);
        AppendEscaped(builder, value, delimiters);
        return builder.ToString();
    }

    /// <summary>Resolves escape sequences; \Xhh..\ bytes are decoded through <paramref name="encoding"/> (UTF-8 when null).</summary>
    public static string Unescape(string value, Hl7Delimiters delimiters, Encoding? encoding = null)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (delimiters.Escape == '\0' || !value.Contains(delimiters.Escape, StringComparison.Ordinal))
        {
            return value;
        }

        encoding ??= Hl7Charsets.Utf8;
        var builder = new StringBuilder(value.Length);
        var esc = delimiters.Escape;
        var i = 0;
        while (i < value.Length)
        {
            var open = value.IndexOf(esc, i);
            if (open < 0)
            {
                builder.Append(value, i, value.Length - i);
                break;
            }

            builder.Append(value, i, open - i);
            var close = value.IndexOf(esc, open + 1);
            if (close < 0)
            {
                builder.Append(value, open, value.Length - open);
                break;
            }

            var sequence = value.AsSpan(open + 1, close - open - 1);
            if (!TryResolve(sequence, delimiters, encoding, builder))
            {
                builder.Append(value, open, close - open + 1);
            }

            i = close + 1;
        }

        return builder.ToString();
    }

    internal static void AppendEscaped(StringBuilder builder, string value, Hl7Delimiters d)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == d.Escape && d.Escape != '\0')
            {
                var close = value.IndexOf(d.Escape, i + 1);
                if (close > i && IsFormattingSequence(value.AsSpan(i + 1, close - i - 1)))
                {
                    builder.Append(value, i, close - i + 1);
                    i = close;
                    continue;
                }

                Append(builder, d.Escape, 'E');
            }
            else if (c == d.Field)
            {
                Append(builder, d.Escape, 'F');
            }
            else if (c == d.Component && c != '\0')
            {
                Append(builder, d.Escape, 'S');
            }
            else if (c == d.Subcomponent && c != '\0')
            {
                Append(builder, d.Escape, 'T');
            }
            else if (c == d.Repetition && c != '\0')
            {
                Append(builder, d.Escape, 'R');
            }
            else if (d.Truncation is { } truncation && c == truncation)
            {
                Append(builder, d.Escape, 'P');
            }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < value.Length && value[i + 1] == '\n')
                {
                    i++;
                }

                builder.Append(d.Escape).Append(".br").Append(d.Escape);
            }
            else if (c < ' ' && c != '\t')
            {
                builder.Append(d.Escape).Append('X').Append(((int)c).ToString("X2", System.Globalization.CultureInfo.InvariantCulture)).Append(d.Escape);
            }
            else
            {
                builder.Append(c);
            }
        }
    }

    internal static bool NeedsEscaping(string value, Hl7Delimiters d)
    {
        foreach (var c in value)
        {
            if (c < ' ' || c == d.Field || c == d.Component || c == d.Subcomponent || c == d.Repetition || c == d.Escape || c == d.Truncation)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True for the sequences that stay verbatim in decoded text: \H\ \N\, the .br .sp .in .ti .sk
    /// .fi .nf .ce formatting commands, \Cxxyy\ / \Mxxyy[zz]\ charset switches and \Z..\ local escapes.
    /// </summary>
    internal static bool IsFormattingSequence(ReadOnlySpan<char> s)
    {
        if (s.Length == 0)
        {
            return false;
        }

        if (s is "H" or "N" or ".br" or ".fi" or ".nf" or ".ce")
        {
            return true;
        }

        if (s.Length >= 3 && s[0] == '.' && (s[1..3] is "sp" or "in" or "ti" or "sk"))
        {
            var number = s[3..];
            if (number.Length > 0 && number[0] is '+' or '-')
            {
                number = number[1..];
            }

            foreach (var c in number)
            {
                if (!char.IsAsciiDigit(c))
                {
                    return false;
                }
            }

            return true;
        }

        if (s[0] == 'C' && s.Length == 5 && IsHex(s[1..]))
        {
            return true;
        }

        if (s[0] == 'M' && s.Length is 5 or 7 && IsHex(s[1..]))
        {
            return true;
        }

        return s[0] == 'Z' && s.Length > 1;
    }

    private static bool IsHex(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static void Append(StringBuilder builder, char escape, char code) =>
        builder.Append(escape).Append(code).Append(escape);

    private static bool TryResolve(ReadOnlySpan<char> sequence, Hl7Delimiters d, Encoding encoding, StringBuilder builder)
    {
        if (sequence.Length == 1)
        {
            var c = sequence[0] switch
            {
                'F' => d.Field,
                'S' => d.Component,
                'T' => d.Subcomponent,
                'R' => d.Repetition,
                'E' => d.Escape,
                'P' => d.Truncation ?? '\0',
                _ => '\0',
            };
            if (c == '\0')
            {
                return false;
            }

            builder.Append(c);
            return true;
        }

        if (sequence.Length >= 3 && sequence[0] == 'X' && (sequence.Length - 1) % 2 == 0 && IsHex(sequence[1..]))
        {
            var bytes = Convert.FromHexString(sequence[1..]);
            builder.Append(encoding.GetString(bytes));
            return true;
        }

        return false;
    }
}
