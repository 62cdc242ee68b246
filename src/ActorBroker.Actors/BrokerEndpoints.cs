using System.Collections.Concurrent;
using System.Net;

namespace ActorBroker.Actors;

/// <summary>
/// Where each listener actually bound (port 0 in tests becomes a real port). Listeners report
/// here; the host prints them and tests await them instead of sleeping.
/// </summary>
public sealed class BrokerEndpoints
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<IPEndPoint>> _bound = new(StringComparer.Ordinal);

    public void Report(string name, IPEndPoint endPoint) => Slot(name).TrySetResult(endPoint);

    public void ReportFailure(string name, Exception error) => Slot(name).TrySetException(error);

    public Task<IPEndPoint> WaitAsync(string name) => Slot(name).Task;

    public IReadOnlyDictionary<string, IPEndPoint> Snapshot() => _bound
        .Where(kv => kv.Value.Task.IsCompletedSuccessfully)
        .ToDictionary(kv => kv.Key, kv => kv.Value.Task.Result, StringComparer.Ordinal);

    private TaskCompletionSource<IPEndPoint> Slot(string name) =>
        _bound.GetOrAdd(name, _ => new TaskCompletionSource<IPEndPoint>(TaskCreationOptions.RunContinuationsAsynchronously));
}
