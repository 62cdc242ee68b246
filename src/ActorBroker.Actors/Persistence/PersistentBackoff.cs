using Akka.Actor;
using Akka.Pattern;

namespace ActorBroker.Actors.Persistence;

/// <summary>
/// Wraps a persistent actor in a backoff supervisor: a failed persist stops a persistent actor, and
/// restarting it at once against a journal that is down would spin; backoff spaces the retries.
/// </summary>
public static class PersistentBackoff
{
    public static Props Props(Props child, string childName) =>
        BackoffSupervisor.Props(
            Backoff.OnStop(
                child,
                childName,
                minBackoff: TimeSpan.FromMilliseconds(200),
                maxBackoff: TimeSpan.FromSeconds(10),
                randomFactor: 0.2,
                maxNrOfRetries: -1));
}
