using System.Buffers;
using System.Text;

namespace ActorBroker.Hl7;

/// <summary>
/// Writes ER7 fluently, field by field in increasing order (skipped fields are written empty).
/// <c>Segment("MSH")</c> writes MSH-1 and MSH-2 from the delimiters itself; continue at field 3.
/// Values given to <see cref="Field"/>, <see cref="Component"/> and <see cref="Repetitions"/> are
/// escaped; <see cref="RawField"/> takes ER7 text as is. Segments end in CR.
/// </summary>
// HL7 2.5.1 ch. 2.5-2.7: message construction rules (encoding side)
public sealed class Hl7MessageBuilder
{
    private readonly StringBuilder _text = new(512);
    private readonly Hl7Delimiters _delimiters;
    private readonly Encoding _encoding;
    private bool _inSegment;
    private int _field;
    private int _component;

    public Hl7MessageBuilder(Hl7Delimiters delimiters, Encoding encoding)
    {
        ArgumentNullException.ThrowIfNull(encoding);
        if (delimiters.Field == '\0' || delimiters.Component == '\0')
        {
            throw new ArgumentException("delimiters need at least a field and a component separator (default(Hl7Delimiters) has none; use Hl7Delimiters.Default)", nameof(delimiters));
        }

        _delimiters = delimiters;
        _encoding = encoding;
    }

    /// <summary>Default delimiters, UTF-8.</summary>
    public Hl7MessageBuilder()
        : this(Hl7Delimiters.Default, Hl7Charsets.Utf8)
    {
    }

    public Hl7Delimiters Delimiters => _delimiters;

    public Encoding Encoding => _encoding;

    /// <summary>Starts a segment (ending the previous one).</summary>
    public Hl7MessageBuilder Segment(string id)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        EndSegment();
        _text.Append(id);
        _inSegment = true;
        _field = 0;
        _component = 0;
        if (id == "MSH")
        {
            _text.Append(_delimiters.Field).Append(_delimiters.EncodingCharacters);
            _field = 2;
            _component = int.MaxValue;
        }

        return this;
    }

    /// <summary>Sets field <paramref name="field"/> to an escaped value.</summary>
    public Hl7MessageBuilder Field(int field, string? value)
    {
        MoveToField(field);
        AppendEscaped(value);
        _component = int.MaxValue;
        return this;
    }

    /// <summary>Sets field <paramref name="field"/> to ER7 text written as is (separators and escapes kept).</summary>
    public Hl7MessageBuilder RawField(int field, string? er7)
    {
        MoveToField(field);
        _text.Append(er7);
        _component = int.MaxValue;
        return this;
    }

    /// <summary>Sets a component of a field (components of one field in increasing order).</summary>
    public Hl7MessageBuilder Component(int field, int component, string? value)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(component, 1);
        if (field != _field)
        {
            MoveToField(field);
            _component = 1;
        }
        else if (component <= _component)
        {
            throw new InvalidOperationException($"component {field}.{component} must come after {field}.{_component}");
        }
        else if (_component == 0)
        {
            _component = 1;
        }

        while (_component < component)
        {
            _text.Append(_delimiters.Component);
            _component++;
        }

        AppendEscaped(value);
        return this;
    }

    /// <summary>Sets a field to several escaped repetitions.</summary>
    public Hl7MessageBuilder Repetitions(int field, params IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        MoveToField(field);
        var first = true;
        foreach (var value in values)
        {
            if (!first)
            {
                _text.Append(_delimiters.Repetition);
            }

            AppendEscaped(value);
            first = false;
        }

        _component = int.MaxValue;
        return this;
    }

    /// <summary>Appends a whole segment given as ER7 text (without terminator), e.g. one copied from another message.</summary>
    public Hl7MessageBuilder RawSegment(string er7Segment)
    {
        ArgumentException.ThrowIfNullOrEmpty(er7Segment);
        EndSegment();
        _text.Append(er7Segment);
        _inSegment = true;
        _field = int.MaxValue;
        return this;
    }

    /// <summary>The message text so far (every segment terminated).</summary>
    public override string ToString()
    {
        EndSegment();
        return _text.ToString();
    }

    /// <summary>The message encoded with the builder's encoding.</summary>
    public byte[] ToBytes()
    {
        EndSegment();
        var count = 0;
        foreach (var chunk in _text.GetChunks())
        {
            count += _encoding.GetByteCount(chunk.Span);
        }

        var bytes = new byte[count];
        WriteTo(bytes);
        return bytes;
    }

    /// <summary>Encodes the message into <paramref name="writer"/>.</summary>
    public void WriteTo(IBufferWriter<byte> writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        EndSegment();
        foreach (var chunk in _text.GetChunks())
        {
            var span = writer.GetSpan(_encoding.GetMaxByteCount(chunk.Length));
            writer.Advance(_encoding.GetBytes(chunk.Span, span));
        }
    }

    private void WriteTo(Span<byte> destination)
    {
        var written = 0;
        foreach (var chunk in _text.GetChunks())
        {
            written += _encoding.GetBytes(chunk.Span, destination[written..]);
        }
    }

    private void AppendEscaped(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        if (_delimiters.Escape == '\0' || !Hl7Escaping.NeedsEscaping(value, _delimiters))
        {
            _text.Append(value);
        }
        else
        {
            Hl7Escaping.AppendEscaped(_text, value, _delimiters);
        }
    }

    private void MoveToField(int field)
    {
        if (!_inSegment)
        {
            throw new InvalidOperationException("call Segment(id) before writing fields");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(field, 1);
        if (field <= _field)
        {
            throw new InvalidOperationException($"field {field} must come after field {_field} (fields are written in increasing order)");
        }

        while (_field < field)
        {
            _text.Append(_delimiters.Field);
            _field++;
        }

        _component = 0;
    }

    private void EndSegment()
    {
        if (_inSegment)
        {
            _text.Append('\r');
            _inSegment = false;
        }
    }
}
