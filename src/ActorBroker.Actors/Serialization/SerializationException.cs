namespace ActorBroker.Actors.Serialization;

/// <summary>A journal row that cannot be turned back into an event.</summary>
public sealed class SerializationException : Exception
{
    public SerializationException(string message) : base(message)
    {
    }

    public SerializationException()
    {
    }

    public SerializationException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
