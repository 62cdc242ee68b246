namespace ActorBroker.Cli.Output;

internal enum Align
{
    Left,
    Right,
}

/// <summary>A table column: its header (printed in capitals) and alignment.</summary>
internal sealed record Column(string Header, Align Align = Align.Left);

/// <summary>
/// Writes rows as an aligned plain-text table: two spaces between columns, widths from the content
/// measured in terminal columns (<see cref="DisplayWidth"/>), so NÚÑEZ and 山田 line up. Empty
/// cells print as "-" so every row has the same number of words; no trailing spaces.
/// </summary>
internal sealed class TableWriter
{
    public const string Empty = "-";
    private const string Gap = "  ";
    private readonly Column[] _columns;
    private readonly List<string[]> _rows = [];

    public TableWriter(params Column[] columns)
    {
        if (columns.Length == 0)
        {
            throw new ArgumentException("a table needs at least one column", nameof(columns));
        }

        _columns = columns;
    }

    public TableWriter(params string[] headers)
        : this(headers.Select(h => new Column(h)).ToArray())
    {
    }

    public int RowCount => _rows.Count;

    public TableWriter AddRow(params string?[] cells)
    {
        if (cells.Length != _columns.Length)
        {
            throw new ArgumentException($"row has {cells.Length} cells, table has {_columns.Length} columns", nameof(cells));
        }

        _rows.Add(cells.Select(c => string.IsNullOrEmpty(c) ? Empty : TerminalText.Sanitize(c)).ToArray());
        return this;
    }

    public void Write(TextWriter writer)
    {
        var headers = _columns.Select(c => c.Header.ToUpperInvariant()).ToArray();
        var widths = new int[_columns.Length];
        for (var i = 0; i < _columns.Length; i++)
        {
            widths[i] = Math.Max(DisplayWidth.Of(headers[i]), _rows.Count == 0 ? 0 : _rows.Max(r => DisplayWidth.Of(r[i])));
        }

        WriteLine(writer, headers, widths);
        foreach (var row in _rows)
        {
            WriteLine(writer, row, widths);
        }
    }

    /// <summary>
    /// A titled section after a key/value block: a blank line, the title, then the table or
    /// "(none)" when it has no rows.
    /// </summary>
    public void WriteSection(TextWriter writer, string title)
    {
        writer.WriteLine();
        writer.WriteLine(title);
        if (RowCount == 0)
        {
            writer.WriteLine("(none)");
        }
        else
        {
            Write(writer);
        }
    }

    public override string ToString()
    {
        using var writer = new StringWriter();
        Write(writer);
        return writer.ToString();
    }

    private void WriteLine(TextWriter writer, string[] cells, int[] widths)
    {
        var parts = new string[cells.Length];
        for (var i = 0; i < cells.Length; i++)
        {
            var last = i == cells.Length - 1;
            parts[i] = _columns[i].Align == Align.Right
                ? DisplayWidth.PadLeft(cells[i], widths[i])
                : last ? cells[i] : DisplayWidth.PadRight(cells[i], widths[i]);
        }

        writer.WriteLine(string.Join(Gap, parts).TrimEnd(' '));
    }
}
