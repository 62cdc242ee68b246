using System.Globalization;
using System.Text;

namespace ActorBroker.Dicom.Sr;

/// <summary>
/// An SR content tree flattened to report lines (the rules are on <see cref="StructuredReportReader"/>).
/// Lines keep their inner blank lines (paragraphs) but lose trailing spaces, and a text value's
/// leading and trailing blank lines.
/// </summary>
// DICOM PS3.3 C.17.3.2.4 (Relationship Type), Table C.17-6 (Value Type); PS3.5 6.2 (DA, TM, DT, PN)
internal static class SrText
{
    public static IReadOnlyList<string> Lines(SrContentItem root)
    {
        var lines = new List<string>();
        foreach (var child in root.Children)
        {
            Append(child, lines);
        }

        return lines;
    }

    private static void Append(SrContentItem item, List<string> lines)
    {
        if (item.ReferencedContentItem.Length > 0 || item.RelationshipType is "HAS OBS CONTEXT" or "HAS ACQ CONTEXT" or "HAS CONCEPT MOD")
        {
            return;
        }

        if (item.ValueType == "CONTAINER")
        {
            var inner = new List<string>();
            foreach (var child in item.Children)
            {
                Append(child, inner);
            }

            if (inner.Count > 0)
            {
                if (item.Concept.Length > 0)
                {
                    lines.Add(item.Concept + ":");
                }

                lines.AddRange(inner);
            }

            return;
        }

        switch (item.ValueType)
        {
            case "TEXT":
                lines.AddRange(SplitLines(item.Value));
                break;
            case "CODE" when item.Code is { } code:
                lines.Add(Labelled(item.Concept, code.Display));
                break;
            case "NUM" when item.Value.Length > 0:
                lines.Add(Labelled(item.Concept, WithUnit(item.Value, item.Code)));
                break;
            case "DATE" or "TIME" or "DATETIME" or "PNAME" or "UIDREF" when item.Value.Length > 0:
                lines.Add(Labelled(item.Concept, Format(item.ValueType, item.Value)));
                break;
        }

        // Items under a TEXT or NUM (INFERRED FROM, HAS PROPERTIES) follow it.
        foreach (var child in item.Children)
        {
            Append(child, lines);
        }
    }

    /// <summary>CR LF, CR or LF separated lines, trailing spaces removed, outer blank lines dropped.</summary>
    public static List<string> SplitLines(string text)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n').Select(l => l.TrimEnd()).ToList();
        while (lines.Count > 0 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        var first = lines.FindIndex(l => l.Length > 0);
        return first <= 0 ? lines : lines[first..];
    }

    private static string Labelled(string concept, string value) => concept.Length > 0 ? $"{concept}: {value}" : value;

    // UCUM "1" is "no units" (a ratio or a count): nothing to print.
    private static string WithUnit(string value, SrCode? unit) =>
        unit is null || unit.Is("1", "UCUM") || unit.Display.Length == 0 ? value : $"{value} {unit.Display}";

    private static string Format(string valueType, string value) => valueType switch
    {
        "DATE" => FormatDate(value) ?? value,
        "TIME" => FormatTime(value) ?? value,
        "DATETIME" => FormatDateTime(value) ?? value,
        _ => value,
    };

    // DA YYYYMMDD -> YYYY-MM-DD.
    private static string? FormatDate(string value) =>
        value.Length == 8 && DateOnly.TryParseExact(value, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : null;

    // TM HH[MM[SS[.F]]] -> HH:MM[:SS]; the fraction is dropped.
    private static string? FormatTime(string value)
    {
        var main = value.Split('.')[0].Replace(":", "", StringComparison.Ordinal);
        if (main.Length is not (2 or 4 or 6) || !main.All(char.IsAsciiDigit))
        {
            return null;
        }

        var text = new StringBuilder(main[..2]).Append(':').Append(main.Length >= 4 ? main[2..4] : "00");
        if (main.Length == 6)
        {
            text.Append(':').Append(main[4..6]);
        }

        return text.ToString();
    }

    // DT YYYYMMDD[HHMMSS[.F]][&ZZXX] -> YYYY-MM-DD HH:MM[:SS] [&ZZXX].
    private static string? FormatDateTime(string value)
    {
        var zone = value.IndexOfAny(['+', '-'], 4);
        var offset = zone >= 0 ? " " + value[zone..] : "";
        var main = zone >= 0 ? value[..zone] : value;
        if (main.Length < 8 || FormatDate(main[..8]) is not { } date)
        {
            return null;
        }

        if (main.Length == 8)
        {
            return date + offset;
        }

        return FormatTime(main[8..]) is { } time ? $"{date} {time}{offset}" : null;
    }
}
