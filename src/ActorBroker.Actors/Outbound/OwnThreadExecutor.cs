using ActorBroker.Hl7.Mllp;
using ActorBroker.Hl7.Threading;
using Akka.Dispatch;

namespace ActorBroker.Actors.Outbound;

/// <summary>
/// Runs what it is given, in order, on one thread of its own (see <see cref="OwnThreadExecutorConfigurator"/>), except
/// what an MLLP reply reader asks for (<see cref="MllpSenderConnection.OnReaderThread"/>): that runs at once on the
/// reader's thread. An ACK's outbox then records it and sends the next message before the reader waits again, with
/// no other thread woken (measured under MPPS load: the outbox thread's ~3,400 wake-ups a second were gone). Akka
/// hands an executor a mailbox only when it is not already scheduled, so a mailbox never runs on two threads at once;
/// a run that schedules another (one outbox telling another) queues it for the own thread instead of nesting.
/// </summary>
internal sealed class OwnThreadExecutor : ExecutorService
{
    [ThreadStatic]
    private static bool t_runningInline;

    private readonly Queue<IRunnable> _queue = new();
    private bool _stopping;

    public OwnThreadExecutor(string id, TimeSpan slice)
        : base(id)
    {
        new Thread(() => Loop(slice)) { IsBackground = true, Name = "outbox-thread" }.Start();
    }

    public override void Execute(IRunnable run)
    {
        if (MllpSenderConnection.OnReaderThread && !t_runningInline)
        {
            t_runningInline = true;
            try
            {
                Run(run);
            }
            finally
            {
                t_runningInline = false;
            }

            return;
        }

        lock (_queue)
        {
            _queue.Enqueue(run);
            Monitor.Pulse(_queue);
        }
    }

    public override void Shutdown()
    {
        lock (_queue)
        {
            _stopping = true;
            Monitor.Pulse(_queue);
        }
    }

    private void Loop(TimeSpan slice)
    {
        if (slice > TimeSpan.Zero)
        {
            ThreadLatency.TryRequestShortSlice(slice);
        }

        while (true)
        {
            IRunnable next;
            lock (_queue)
            {
                // Monitor.Wait blocks in the kernel: no spinning while the link waits for its next ACK.
                while (_queue.Count == 0 && !_stopping)
                {
                    Monitor.Wait(_queue);
                }

                if (_queue.Count == 0)
                {
                    return;
                }

                next = _queue.Dequeue();
            }

            Run(next);
        }
    }

    private void Run(IRunnable run)
    {
        try
        {
            run.Run();
        }
        catch (Exception e)
        {
            // A mailbox run handles its actor's failures; anything else must not end the process from this thread.
            System.Diagnostics.Trace.TraceError($"outbox thread {Id}: {e}");
        }
    }
}
