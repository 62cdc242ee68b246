using System.Globalization;

namespace ActorBroker.Hl7;

/// <summary>
/// Where in a message something is: segment id, its 1-based occurrence, field, and optionally
/// component and repetition (0 = not specified). Printed the way integration analysts read it:
/// <c>ORC-1</c>, <c>PID-5.1</c>, <c>OBR[2]-18</c>, <c>PID-3(2).4</c>.
/// </summary>
public readonly record struct Hl7Location(string Segment, int SegmentSequence, int Field, int Component = 0, int Repetition = 0)
{
    public override string ToString()
    {
        var text = Segment;
        if (SegmentSequence > 1)
        {
            text += string.Create(CultureInfo.InvariantCulture, $"[{SegmentSequence}]");
        }

        if (Field <= 0)
        {
            return text;
        }

        text += string.Create(CultureInfo.InvariantCulture, $"-{Field}");
        if (Repetition > 1)
        {
            text += string.Create(CultureInfo.InvariantCulture, $"({Repetition})");
        }

        if (Component > 0)
        {
            text += string.Create(CultureInfo.InvariantCulture, $".{Component}");
        }

        return text;
    }
}
