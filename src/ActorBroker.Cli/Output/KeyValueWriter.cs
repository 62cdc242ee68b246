namespace ActorBroker.Cli.Output;

/// <summary>
/// A block of "Label:  value" lines with the values aligned; missing values print as "-".
/// </summary>
internal sealed class KeyValueWriter
{
    private readonly List<(string Label, string Value)> _lines = [];

    public KeyValueWriter Add(string label, string? value)
    {
        _lines.Add((label + ":", string.IsNullOrEmpty(value) ? TableWriter.Empty : TerminalText.Sanitize(value)));
        return this;
    }

    public void Write(TextWriter writer)
    {
        var width = _lines.Count == 0 ? 0 : _lines.Max(l => DisplayWidth.Of(l.Label));
        foreach (var (label, value) in _lines)
        {
            writer.WriteLine($"{DisplayWidth.PadRight(label, width)}  {value}");
        }
    }
}
