namespace ActorBroker.LoadGen;

/// <summary>
/// Progress lines of <c>loadgen mpps</c>, on stderr so that --json leaves stdout to the one JSON object; and a
/// line every few seconds while a phase runs (the EHR leg can take a while, and silence looks like a hang).
/// </summary>
internal static class ProgressLog
{
    public static void Write(string message) =>
        Console.Error.WriteLine($"mpps {DateTime.Now:HH:mm:ss}: {message}");

    /// <summary>Writes <paramref name="line"/>() every 5 s until <paramref name="ct"/> is cancelled.</summary>
    public static async Task EveryFewSecondsAsync(Func<string> line, CancellationToken ct)
    {
        try
        {
            while (true)
            {
                await Task.Delay(TimeSpan.FromSeconds(5), ct);
                Write(line());
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>Runs <paramref name="phase"/> with a progress line every 5 s.</summary>
    public static async Task<T> WhileAsync<T>(Func<string> line, Func<Task<T>> phase, CancellationToken ct)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var progress = EveryFewSecondsAsync(line, cts.Token);
        try
        {
            return await phase();
        }
        finally
        {
            await cts.CancelAsync();
            await progress;
        }
    }
}
