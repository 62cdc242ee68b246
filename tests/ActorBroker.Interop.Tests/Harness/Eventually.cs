using System.Diagnostics;

namespace ActorBroker.Interop.Tests.Harness;

/// <summary>
/// Polls a probe until it reports what is expected or a deadline passes, then fails with the last
/// observation. For state that becomes true asynchronously in another process (the inbound log
/// applies orders after the ACK; the read model follows the journal), where no event can be awaited.
/// </summary>
internal static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    public static async Task<T> MatchesAsync<T>(Func<Task<T>> probe, Func<T, bool> done, Func<T?, string> describe, TimeSpan? within = null)
    {
        var timeout = within ?? DefaultTimeout;
        var waited = Stopwatch.StartNew();
        var delay = TimeSpan.FromMilliseconds(10);
        var last = default(T);
        Exception? lastError = null;
        while (true)
        {
            try
            {
                last = await probe();
                lastError = null;
                if (done(last))
                {
                    return last;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                lastError = e; // the broker is starting or busy: ask again
            }

            if (waited.Elapsed > timeout)
            {
                Assert.Fail($"not within {timeout.TotalSeconds:0.#} s: {describe(last)}{(lastError is null ? "" : $" (last error: {lastError.Message})")}");
            }

            await Task.Delay(delay);
            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 200));
        }
    }
}
