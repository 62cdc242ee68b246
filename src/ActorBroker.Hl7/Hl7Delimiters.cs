namespace ActorBroker.Hl7;

/// <summary>
/// The five (optionally six) encoding characters of a message, taken from MSH-1 and MSH-2.
/// A character of <c>'\0'</c> means "not declared by the sender" (e.g. MSH-2 of only "^~"):
/// that delimiter then never splits anything and cannot be escaped.
/// </summary>
// HL7 2.5.1 ch. 2.5.4 (message delimiters), 2.15.9.1-2 (MSH-1 field separator, MSH-2 encoding characters)
public readonly record struct Hl7Delimiters(
    char Field,
    char Component,
    char Repetition,
    char Escape,
    char Subcomponent,
    char? Truncation = null)
{
    /// <summary>The recommended delimiters: <c>|^~\&amp;</c>.</summary>
    public Hl7Delimiters()
        : this('|', '^', '~', '\\', '&', null)
    {
    }

    /// <summary>The recommended delimiters <c>|^~\&amp;</c> (HL7 2.5.1 ch. 2.5.4).</summary>
    public static Hl7Delimiters Default { get; } = new('|', '^', '~', '\\', '&');

    /// <summary>The MSH-2 value these delimiters are written as (e.g. <c>^~\&amp;</c>).</summary>
    public string EncodingCharacters
    {
        get
        {
            Span<char> buffer = stackalloc char[5];
            var length = 0;
            foreach (var c in (ReadOnlySpan<char>)[Component, Repetition, Escape, Subcomponent])
            {
                if (c == '\0')
                {
                    break;
                }

                buffer[length++] = c;
            }

            if (length == 4 && Truncation is { } truncation)
            {
                buffer[length++] = truncation;
            }

            return new string(buffer[..length]);
        }
    }
}
