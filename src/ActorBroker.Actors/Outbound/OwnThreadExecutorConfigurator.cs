using ActorBroker.Hl7.Threading;
using Akka.Configuration;
using Akka.Dispatch;

namespace ActorBroker.Actors.Outbound;

/// <summary>
/// The executor of the HL7 outboxes' dispatcher (<see cref="OutboundSupervisor.OutboxDispatcherId"/>): one thread of its
/// own that sleeps in the kernel while there is nothing to run and asks the scheduler for a short slice
/// (own-thread-slice; <see cref="ThreadLatency"/>), so that an outbox woken by new messages or its journal runs at once
/// (one woken by an ACK runs on the reply reader's thread, see <see cref="OwnThreadExecutor"/>). Akka's
/// PinnedDispatcher also gives a thread of its own, but its idle wait spins on sched_yield: measured at ~10% of a core
/// between ACKs on the 2-core VM, CPU the DICOM side needed (perf/README.md, session 12).
/// </summary>
public sealed class OwnThreadExecutorConfigurator : ExecutorServiceConfigurator
{
    private readonly TimeSpan _slice;

    public OwnThreadExecutorConfigurator(Config config, IDispatcherPrerequisites prerequisites)
        : base(config, prerequisites)
    {
        _slice = config.GetTimeSpan("own-thread-slice", TimeSpan.Zero);
    }

    public override ExecutorService Produce(string id) => new OwnThreadExecutor(id, _slice);
}
