using Akka.Actor;

namespace ActorBroker.Actors.Exceptions;

/// <summary>
/// Recording a failure without waiting for the store. Sent without a sender: the store's <see cref="ExceptionStored"/>
/// reply would otherwise reach the telling actor, which has no use for it and logs it as unhandled (at INFO, for
/// every raised exception). Callers that need to know the record is journaled Ask instead.
/// </summary>
public static class ExceptionStoreRecording
{
    public static void Record(this IActorRef exceptions, RecordException record)
    {
        ArgumentNullException.ThrowIfNull(exceptions);
        exceptions.Tell(record, ActorRefs.NoSender);
    }
}
