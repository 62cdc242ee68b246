using System.Globalization;
using System.Text;
using ActorBroker.Hl7;

namespace ActorBroker.Domain.Reports;

/// <summary>
/// OBX-5 text as report lines. FT (and TX or ST, which senders fill the same way) is read from the
/// field as sent, so that formatting commands are told apart from escaped text: \.br\ and \.ce\
/// end a line, \.sp n\ ends it and adds n blank lines (1 when n is absent), \.sk n\ is n spaces;
/// \.in\, \.ti\, \.fi\, \.nf\, \H\ and \N\ (layout and highlighting), charset switches and local
/// \Z..\ escapes are dropped; delimiter and hex escapes are then resolved. Each repetition of
/// OBX-5 starts a new line. Lines lose trailing spaces.
/// </summary>
// HL7 2.5.1 2.7 (escape sequences), 2.7.6 (formatting codes), 2A.31 (FT), 2A.79 (TX), 2A.74 (ST)
internal static class ReportText
{
    public static List<string> Lines(string raw, Hl7Delimiters delimiters, Encoding encoding)
    {
        var lines = new List<string>();
        var line = new StringBuilder(raw.Length);
        var esc = delimiters.Escape;
        var i = 0;
        while (i < raw.Length)
        {
            var c = raw[i];
            var close = c == esc && esc != '\0' ? raw.IndexOf(esc, i + 1) : -1;
            if (close < 0)
            {
                line.Append(c);
                i++;
                continue;
            }

            var sequence = raw[(i + 1)..close];
            if (sequence is ".br" or ".ce")
            {
                Flush();
            }
            else if (sequence.StartsWith(".sp", StringComparison.Ordinal) && Count(sequence[3..]) is { } blank)
            {
                Flush();
                for (var n = 0; n < blank; n++)
                {
                    lines.Add("");
                }
            }
            else if (sequence.StartsWith(".sk", StringComparison.Ordinal) && Count(sequence[3..]) is { } spaces)
            {
                line.Append(' ', spaces);
            }
            else if (!IsDropped(sequence))
            {
                line.Append(raw, i, close - i + 1);
            }

            i = close + 1;
        }

        Flush();
        return lines;

        void Flush()
        {
            lines.Add(Hl7Escaping.Unescape(line.ToString(), delimiters, encoding).TrimEnd());
            line.Clear();
        }
    }

    /// <summary>Drops leading and trailing blank lines (inner ones are paragraphs).</summary>
    public static List<string> Trim(List<string> lines)
    {
        var first = lines.FindIndex(l => l.Length > 0);
        if (first < 0)
        {
            return [];
        }

        var last = lines.FindLastIndex(l => l.Length > 0);
        return lines.GetRange(first, last - first + 1);
    }

    private static bool IsDropped(string sequence) =>
        sequence is "H" or "N" or ".fi" or ".nf"
        || (sequence.StartsWith(".in", StringComparison.Ordinal) && Count(sequence[3..]) is not null)
        || (sequence.StartsWith(".ti", StringComparison.Ordinal) && Count(sequence[3..]) is not null)
        || (sequence.Length == 5 && sequence[0] == 'C' && IsHex(sequence.AsSpan(1)))
        || (sequence.Length is 5 or 7 && sequence[0] == 'M' && IsHex(sequence.AsSpan(1)))
        || (sequence.Length > 1 && sequence[0] == 'Z');

    // "", "3", "+3", "-3" -> 1, 3, 3, 3 (a negative indent or space count is shown as its size); anything else null.
    private static int? Count(string argument)
    {
        var digits = argument.Length > 0 && argument[0] is '+' or '-' ? argument[1..] : argument;
        if (digits.Length == 0)
        {
            return argument.Length == 0 ? 1 : null;
        }

        return digits.Length <= 3 && digits.All(char.IsAsciiDigit) ? int.Parse(digits, CultureInfo.InvariantCulture) : null;
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
}
