namespace ActorBroker.Hl7;

/// <summary>
/// A message that cannot be accepted as it is. Carries the ERR content and the ACK the receiver
/// should answer with: AE when the content is wrong (a resend of the same bytes would fail again,
/// but the message type is handled), AR when the message is refused outright (not HL7, or an
/// unsupported type/version/processing id).
/// </summary>
public sealed class Hl7Exception : Exception
{
    public Hl7Exception(Hl7Error error, AckCode suggestedAck = AckCode.AE, Exception? innerException = null)
        : base(error?.ToString(), innerException)
    {
        ArgumentNullException.ThrowIfNull(error);
        Error = error;
        SuggestedAck = suggestedAck;
    }

    public Hl7Exception()
        : this(new Hl7Error(Hl7ErrorCode.ApplicationInternalError, null, "HL7 error"))
    {
    }

    public Hl7Exception(string message)
        : this(new Hl7Error(Hl7ErrorCode.ApplicationInternalError, null, message))
    {
    }

    public Hl7Exception(string message, Exception innerException)
        : this(new Hl7Error(Hl7ErrorCode.ApplicationInternalError, null, message), AckCode.AE, innerException)
    {
    }

    public Hl7Error Error { get; }

    public AckCode SuggestedAck { get; }
}
