using System.Collections.Concurrent;

namespace ActorBroker.LoadGen;

/// <summary>
/// What happened to each pair on the DICOM side: Stopwatch timestamps of each request sent and its
/// response received (0 = never) and the response status (-1 = none: not sent, or no response).
/// Each pair belongs to one worker, so its slots are written by one thread; read after the workers end.
/// </summary>
internal sealed class MppsTimeline
{
    private readonly ConcurrentQueue<string> _errors = new();
    private long _errorCount;

    public MppsTimeline(int pairs)
    {
        CreateSent = new long[pairs];
        CreateDone = new long[pairs];
        SetSent = new long[pairs];
        SetDone = new long[pairs];
        CreateStatus = new int[pairs];
        SetStatus = new int[pairs];
        Array.Fill(CreateStatus, -1);
        Array.Fill(SetStatus, -1);
    }

    public long[] CreateSent { get; }

    public long[] CreateDone { get; }

    public long[] SetSent { get; }

    public long[] SetDone { get; }

    public int[] CreateStatus { get; }

    public int[] SetStatus { get; }

    /// <summary>Network failures (refused connection, rejected or aborted association, response timeout).</summary>
    public long ErrorCount => Interlocked.Read(ref _errorCount);

    /// <summary>The first few distinct error messages.</summary>
    public IReadOnlyList<string> Errors => [.. _errors];

    /// <summary>Progress: N-SET responses so far (any status).</summary>
    public int SetsDone => SetDone.Count(t => t != 0);

    public void AddError(string message)
    {
        Interlocked.Increment(ref _errorCount);
        if (_errors.Count < 5 && !_errors.Contains(message))
        {
            _errors.Enqueue(message);
        }
    }
}
