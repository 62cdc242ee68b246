namespace ActorBroker.Hl7;

/// <summary>How much of a TS/DTM value was sent.</summary>
public enum Hl7TimestampPrecision
{
    Year,
    Month,
    Day,
    Hour,
    Minute,
    Second,
    FractionOfSecond,
}
