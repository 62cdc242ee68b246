namespace ActorBroker.Hl7;

/// <summary>
/// One segment of a <see cref="Hl7Message"/> (a cheap view: message reference plus index).
/// Field numbers follow the standard, so for MSH, MSH-1 is the field separator and MSH-2 the
/// encoding characters. Every accessor returns "" (or 0) for what is absent, never throws for a
/// short segment.
/// </summary>
// HL7 2.5.1 ch. 2.5.3 (segments), 2.5.5 (fields, components, subcomponents, repetitions)
public readonly struct Hl7Segment : IEquatable<Hl7Segment>
{
    private readonly Hl7Message _message;

    internal Hl7Segment(Hl7Message message, int index)
    {
        _message = message;
        Index = index;
    }

    /// <summary>The segment id, e.g. PID.</summary>
    public string Id => _message.SegmentIdAt(Index);

    /// <summary>0-based position in the message.</summary>
    public int Index { get; }

    /// <summary>1-based occurrence among segments with the same id (OBR[2] has 2).</summary>
    public int Occurrence => _message.OccurrenceAt(Index);

    /// <summary>The highest field number present (trailing empty fields included as sent).</summary>
    public int FieldCount => _message.Index.FieldCount(Index);

    /// <summary>The message this segment belongs to.</summary>
    public Hl7Message Message => _message;

    /// <summary>
    /// A decoded value: escapes resolved, charset applied. "" when absent. For MSH-1 and MSH-2 the
    /// delimiter characters themselves.
    /// </summary>
    public string Get(int field, int component = 1, int subcomponent = 1, int repetition = 1)
    {
        var value = Locate(field, component, subcomponent, repetition, out var verbatim);
        return verbatim
            ? Er7Text.DecodeRaw(value, _message.TextEncoding)
            : Er7Text.Decode(value, _message.Delimiters, _message.TextEncoding);
    }

    /// <summary>
    /// One whole repetition of a field in ER7 form: charset decoded, component and subcomponent
    /// separators kept, and escape sequences left as written so that the separators stay
    /// unambiguous. For carrying a CX or XPN whole; split it, then <see cref="Hl7Escaping.Unescape"/> the parts.
    /// </summary>
    public string GetField(int field, int repetition = 1) =>
        Er7Text.DecodeRaw(RepetitionBytes(field, repetition), _message.TextEncoding);

    /// <summary>
    /// One whole repetition with every escape resolved (separators that were sent unescaped stay
    /// as they are). For text values (ST, TX, FT) that are not split into components.
    /// </summary>
    public string GetText(int field, int repetition = 1) =>
        IsEncodingField(field)
            ? GetRaw(field)
            : Er7Text.Decode(RepetitionBytes(field, repetition), _message.Delimiters, _message.TextEncoding);

    /// <summary>Every repetition of a field, each decoded as <see cref="Get"/> would for that component and subcomponent.</summary>
    public IReadOnlyList<string> GetRepetitions(int field, int component = 1, int subcomponent = 1)
    {
        var count = RepetitionCount(field);
        if (count == 0)
        {
            return [];
        }

        var values = new string[count];
        for (var r = 0; r < count; r++)
        {
            values[r] = Get(field, component, subcomponent, r + 1);
        }

        return values;
    }

    /// <summary>Number of repetitions of a field (0 when empty or absent).</summary>
    public int RepetitionCount(int field) =>
        IsEncodingField(field)
            ? 1
            : Er7Text.PieceCount(RawBytes(field), _message.Delimiters.Repetition);

    /// <summary>True when the field is present and not empty (the HL7 null "" counts as present).</summary>
    public bool IsPresent(int field) => !RawBytes(field).IsEmpty;

    /// <summary>The whole field as sent (all repetitions, escapes untouched), charset decoded.</summary>
    public string GetRaw(int field) => Er7Text.DecodeRaw(RawBytes(field), _message.TextEncoding);

    /// <summary>The whole field's bytes as sent.</summary>
    public ReadOnlySpan<byte> GetRawBytes(int field) => RawBytes(field);

    /// <summary>Where a field (component, repetition) of this segment is, for errors.</summary>
    public Hl7Location LocationOf(int field, int component = 0, int repetition = 0) =>
        new(Id, Occurrence, field, component, repetition);

    /// <summary>The segment as sent (without terminator), charset decoded.</summary>
    public override string ToString()
    {
        var index = _message.Index;
        return Er7Text.DecodeRaw(_message.Raw.Span[index.SegmentStart(Index)..index.SegmentEnd(Index)], _message.TextEncoding);
    }

    public bool Equals(Hl7Segment other) => ReferenceEquals(_message, other._message) && Index == other.Index;

    public override bool Equals(object? obj) => obj is Hl7Segment other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(_message, Index);

    public static bool operator ==(Hl7Segment left, Hl7Segment right) => left.Equals(right);

    public static bool operator !=(Hl7Segment left, Hl7Segment right) => !left.Equals(right);

    private ReadOnlySpan<byte> RawBytes(int field) => _message.Index.Field(_message.Raw.Span, Index, field);

    private bool IsEncodingField(int field) => field is 1 or 2 && _message.Index.PackedId(Index) == Hl7Index.PackedMsh;

    private ReadOnlySpan<byte> RepetitionBytes(int field, int repetition) =>
        IsEncodingField(field)
            ? (repetition == 1 ? RawBytes(field) : default)
            : Er7Text.Piece(RawBytes(field), _message.Delimiters.Repetition, repetition);

    private ReadOnlySpan<byte> Locate(int field, int component, int subcomponent, int repetition, out bool verbatim)
    {
        if (IsEncodingField(field))
        {
            // MSH-1 and MSH-2 are the delimiters themselves: splitting them would be nonsense.
            verbatim = true;
            return component == 1 && subcomponent == 1 && repetition == 1 ? RawBytes(field) : default;
        }

        verbatim = false;
        var d = _message.Delimiters;
        var value = Er7Text.Piece(RawBytes(field), d.Repetition, repetition);
        value = Er7Text.Piece(value, d.Component, component);
        return Er7Text.Piece(value, d.Subcomponent, subcomponent);
    }
}
