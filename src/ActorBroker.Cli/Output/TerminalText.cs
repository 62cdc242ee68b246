using System.Globalization;
using System.Text;

namespace ActorBroker.Cli.Output;

/// <summary>
/// Makes text from the network safe to print on an operator's terminal: control characters (ESC
/// sequences in a hostile HL7 message, stray CR/LF that would break a table) and bidirectional
/// overrides are shown as visible escapes instead of being interpreted.
/// </summary>
internal static class TerminalText
{
    public static string Sanitize(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        if (!NeedsEscaping(text))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 8);
        foreach (var rune in text.EnumerateRunes())
        {
            var value = rune.Value;
            switch (value)
            {
                case '\r':
                    builder.Append("\\r");
                    break;
                case '\n':
                    builder.Append("\\n");
                    break;
                case '\t':
                    builder.Append("\\t");
                    break;
                default:
                    if (IsUnsafe(value))
                    {
                        builder.Append(value <= 0xFF
                            ? "\\x" + value.ToString("X2", CultureInfo.InvariantCulture)
                            : "\\u" + value.ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(rune.ToString());
                    }

                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// An HL7 v2 message as readable lines: segments end in CR (some senders use CRLF or LF);
    /// each segment becomes one line, other control characters are escaped.
    /// </summary>
    public static IReadOnlyList<string> Segments(string raw)
    {
        var lines = raw.Replace("\r\n", "\r", StringComparison.Ordinal)
            .Split(['\r', '\n'])
            .Select(Sanitize)
            .ToList();
        while (lines.Count > 0 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        return lines;
    }

    private static bool NeedsEscaping(string text)
    {
        foreach (var c in text)
        {
            if (IsUnsafe(c) || c is '\r' or '\n' or '\t')
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsUnsafe(int value) =>
        value < 0x20 || value is >= 0x7F and < 0xA0
        || value is >= 0x202A and <= 0x202E or >= 0x2066 and <= 0x2069;
}
