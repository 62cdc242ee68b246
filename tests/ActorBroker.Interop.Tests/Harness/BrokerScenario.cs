using System.Globalization;
using ActorBroker.Hl7;
using ActorBroker.Hl7.Mllp;

namespace ActorBroker.Interop.Tests.Harness;

/// <summary>
/// What the issue 4 and 5 interop tests share: a broker process with its EHR destination pointed at a test
/// receiver (short ACK timeout and backoff so faults heal within a test), orders placed over MLLP, abctl in-process,
/// and everything started torn down afterwards.
/// </summary>
public abstract class BrokerScenario : IAsyncLifetime
{
    protected static readonly TimeSpan Within = TimeSpan.FromSeconds(60);
    private readonly List<IAsyncDisposable> _owned = [];

    protected string DataDir { get; } = Path.Combine(Path.GetTempPath(), "ab-loop-" + Guid.NewGuid().ToString("N"));

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var d in Enumerable.Reverse(_owned))
        {
            await d.DisposeAsync();
        }

        try
        {
            Directory.Delete(DataDir, recursive: true);
        }
        catch (IOException)
        {
            // best effort: a temp folder
        }
    }

    // node-hl7-server 2.5.0 never clears its buffer: each new message on a connection makes it emit (and ACK) the
    // earlier ones again. What the broker sent is therefore each MSH-10 once, in first-seen order.
    internal static List<string> StatusesFor(IReadOnlyList<ReceivedHl7> messages, string accession) =>
        [.. messages.Where(m => m.Text.Contains(accession, StringComparison.Ordinal) && m.Ack == "AA").DistinctBy(m => m.ControlId).Select(m => m.OrderStatus)];

    internal T Own<T>(T d)
        where T : IAsyncDisposable
    {
        _owned.Add(d);
        return d;
    }

    internal void Disown(IAsyncDisposable d) => _owned.Remove(d);

    internal async Task<BrokerProcess> StartBrokerAsync(int ehrPort, params string[] extra)
    {
        var broker = await BrokerProcess.StartAsync(
            DataDir,
            [
                $"actor-broker.hl7.destinations.ehr.port = {ehrPort.ToString(CultureInfo.InvariantCulture)}",
                "actor-broker.hl7.destinations.ehr.ack-timeout = 5s",
                "actor-broker.hl7.destinations.ehr.retry.base-delay = 200ms",
                "actor-broker.hl7.destinations.ehr.retry.max-delay = 2s",
                .. extra,
            ]);
        return Own(broker);
    }

    internal static async Task SendAsync(int port, byte[] message, string what)
    {
        await using var client = await MllpClient.ConnectAsync("127.0.0.1", port);
        var reply = await client.SendAsync(message).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(Hl7Ack.TryParse(Hl7Message.Parse(reply), out var ack) && ack.AckCode == AckCode.AA, $"{what}: {ack?.AckCode} {ack?.Text}");
    }

    internal static Task PlaceAsync(BrokerProcess broker, GeneratedOrder order) =>
        SendAsync(broker.Hl7Orders.Port, order.Bytes, order.Accession);

    internal static async Task<(int Exit, string Text)> AbctlAsync(BrokerProcess broker, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await ActorBroker.Cli.CliApp.RunAsync(["--endpoint", broker.ManagementEndpoint, .. args], stdout, stderr);
        return (exit, stdout + stderr.ToString());
    }
}
