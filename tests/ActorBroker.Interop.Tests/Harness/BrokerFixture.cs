namespace ActorBroker.Interop.Tests.Harness;

/// <summary>
/// One broker process per test class (xunit class fixture), started on first use so a class whose
/// peers are missing (and whose tests therefore skip) starts nothing; killed and its data folder
/// removed after the class.
/// </summary>
public sealed class BrokerFixture : IAsyncLifetime
{
    private readonly TempDirectory _dataDir = new("broker");
    private readonly SemaphoreSlim _gate = new(1, 1);
    private BrokerProcess? _broker;
    private BrokerApi? _api;

    internal async Task<(BrokerProcess Broker, BrokerApi Api)> StartedAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_broker is null)
            {
                _broker = await BrokerProcess.StartAsync(_dataDir.Path);
                _api = new BrokerApi(_broker.ManagementEndpoint);
            }

            return (_broker, _api!);
        }
        finally
        {
            _gate.Release();
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        _api?.Dispose();
        if (_broker is not null)
        {
            await _broker.DisposeAsync();
        }

        _gate.Dispose();
        _dataDir.Dispose();
    }
}
