using ActorBroker.Hl7.Threading;
using Akka.Dispatch;

namespace ActorBroker.Actors.Outbound;

/// <summary>Runs what it is given, in order, on one thread of its own (see <see cref="OwnThreadExecutorConfigurator"/>).</summary>
internal sealed class OwnThreadExecutor : ExecutorService
{
    private readonly Queue<IRunnable> _queue = new();
    private bool _stopping;

    public OwnThreadExecutor(string id, TimeSpan slice)
        : base(id)
    {
        new Thread(() => Loop(slice)) { IsBackground = true, Name = "outbox-thread" }.Start();
    }

    public override void Execute(IRunnable run)
    {
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

            try
            {
                next.Run();
            }
            catch (Exception e)
            {
                // A mailbox run handles its actor's failures; anything else must not end the process from this thread.
                System.Diagnostics.Trace.TraceError($"outbox thread {Id}: {e}");
            }
        }
    }
}
