namespace ActorBroker.Hl7;

/// <summary>One problem with a message: what (table 0357), where, and a human readable explanation (ERR-8).</summary>
public sealed record Hl7Error(Hl7ErrorCode Code, Hl7Location? Location, string Message, Hl7Severity Severity = Hl7Severity.Error)
{
    public override string ToString() =>
        Location is { } location ? $"{(int)Code} at {location}: {Message}" : $"{(int)Code}: {Message}";
}
