namespace ActorBroker.Hl7;

/// <summary>Why <see cref="Hl7Index.TryIndex"/> refused a buffer.</summary>
public enum Hl7IndexError
{
    None,

    /// <summary>Nothing but whitespace.</summary>
    Empty,

    /// <summary>The first segment is not MSH: not an HL7 v2 ER7 message.</summary>
    NoMsh,

    /// <summary>MSH-1/MSH-2 do not declare a usable set of delimiters.</summary>
    BadEncodingCharacters,
}
