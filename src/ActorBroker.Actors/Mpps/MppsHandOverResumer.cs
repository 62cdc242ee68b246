using Akka.Actor;
using Akka.Event;

namespace ActorBroker.Actors.Mpps;

/// <summary>
/// Makes the MPPS hand-over survive what the modality cannot see. A study entity answers the modality once the MPPS
/// state is journaled and hands it to the orders afterwards, retrying while it lives; but a COMPLETED whose hand-over
/// was cut short (the broker killed, the study passivated while the journal was failing) would never reach the
/// order, because the modality has no reason to send that instance anything again.
/// At start this node asks the journal which studies are behind (<see cref="MppsHandOverScan"/>) and wakes them;
/// while it runs, it wakes again, after a pause, any study that stopped with work left
/// (<see cref="MppsHandOverPending"/>). Waking is idempotent: every node of a cluster may do it. After a long
/// outage the scan may name many studies: they are woken a batch at a time, so that their recoveries and
/// hand-overs do not all compete with live traffic (and time out) at once.
/// </summary>
public sealed class MppsHandOverResumer : ReceiveActor, IWithTimers, IDisposable
{
    public const string Name = "mpps-hand-over";

    // The journal's tables may not exist yet on a fresh data folder (the plugin creates them on first use).
    private static readonly TimeSpan[] ScanRetries =
        [TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(60)];

    private readonly IActorRef _studies;
    private readonly Func<CancellationToken, Task<IReadOnlyList<string>>> _scan;
    private readonly TimeSpan _wakeAgainAfter;
    private readonly WakeBatches _batches;
    private readonly Queue<string> _toWake = new();
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly CancellationTokenSource _stopping = new();
    private int _failedScans;

    public MppsHandOverResumer(IActorRef studies, Func<CancellationToken, Task<IReadOnlyList<string>>> scan, TimeSpan wakeAgainAfter, WakeBatches batches)
    {
        _studies = studies;
        _scan = scan;
        _wakeAgainAfter = wakeAgainAfter;
        _batches = batches;

        Receive<ScanDone>(done =>
        {
            foreach (var uid in done.Uids)
            {
                _toWake.Enqueue(uid);
            }

            if (done.Uids.Count > 0)
            {
                _log.Info("MPPS hand-over: {0} study(ies) had MPPS states their orders did not have yet; resuming", done.Uids.Count);
            }

            WakeBatch();
        });
        Receive<NextBatch>(_ => WakeBatch());
        Receive<ScanFailed>(f =>
        {
            if (_failedScans < ScanRetries.Length)
            {
                _log.Debug("MPPS hand-over scan failed ({0}); trying again in {1}", f.Reason, ScanRetries[_failedScans]);
                Timers.StartSingleTimer("scan", Scan.Instance, ScanRetries[_failedScans++]);
                return;
            }

            _log.Warning("MPPS hand-over scan failed {0} times ({1}): MPPS hand-overs cut short by the last stop resume only when their modality sends again", _failedScans + 1, f.Reason);
        });
        Receive<Scan>(_ => RunScan());
        Receive<MppsHandOverPending>(p =>
        {
            // A repeat while the wake is already due adds nothing.
            var key = "wake-" + p.StudyInstanceUid;
            if (!Timers.IsTimerActive(key))
            {
                Timers.StartSingleTimer(key, new WakeAgain(p.StudyInstanceUid), _wakeAgainAfter);
            }
        });
        Receive<WakeAgain>(w => _studies.Tell(new ResumeMppsHandOver(w.StudyInstanceUid)));
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props GetProps(IActorRef studies, Func<CancellationToken, Task<IReadOnlyList<string>>> scan, TimeSpan? wakeAgainAfter = null, WakeBatches? batches = null) =>
        Props.Create(() => new MppsHandOverResumer(studies, scan, wakeAgainAfter ?? TimeSpan.FromSeconds(30), batches ?? WakeBatches.Default));

    protected override void PreStart()
    {
        Context.System.EventStream.Subscribe(Self, typeof(MppsHandOverPending));
        RunScan();
    }

    protected override void PostStop()
    {
        _stopping.Cancel();
        Context.System.EventStream.Unsubscribe(Self);
    }

    public void Dispose() => _stopping.Dispose();

    private void WakeBatch()
    {
        for (var i = 0; i < _batches.Size && _toWake.Count > 0; i++)
        {
            _studies.Tell(new ResumeMppsHandOver(_toWake.Dequeue()));
        }

        if (_toWake.Count > 0)
        {
            Timers.StartSingleTimer("batch", NextBatch.Instance, _batches.Interval);
        }
    }

    private void RunScan() =>
        _scan(_stopping.Token).ContinueWith(
            t => t.IsCompletedSuccessfully ? new ScanDone(t.Result) : (object)new ScanFailed(t.Exception?.GetBaseException().Message ?? "cancelled"),
            TaskScheduler.Default).PipeTo(Self);

    private sealed record ScanDone(IReadOnlyList<string> Uids);

    private sealed record ScanFailed(string Reason);

    private sealed record WakeAgain(string StudyInstanceUid);

    private sealed class Scan
    {
        public static readonly Scan Instance = new();
    }

    private sealed class NextBatch
    {
        public static readonly NextBatch Instance = new();
    }
}
