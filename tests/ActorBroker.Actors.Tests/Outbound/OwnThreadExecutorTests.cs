using System.Net;
using System.Net.Sockets;
using System.Text;
using ActorBroker.Actors.Outbound;
using ActorBroker.Hl7.Mllp;
using Akka.Dispatch;

namespace ActorBroker.Actors.Tests.Outbound;

public sealed class OwnThreadExecutorTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Work_handed_over_by_any_other_thread_runs_on_the_own_thread()
    {
        var executor = new OwnThreadExecutor("test", TimeSpan.Zero);
        try
        {
            var ran = new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);
            executor.Execute(new ActionRunnable(() => ran.TrySetResult(Thread.CurrentThread.Name)));

            Assert.Equal("outbox-thread", await ran.Task.WaitAsync(Limit));
        }
        finally
        {
            executor.Shutdown();
        }
    }

    [Fact]
    public async Task What_an_ack_wakes_runs_at_once_on_the_reader_thread_and_what_that_schedules_goes_to_the_own_thread()
    {
        var executor = new OwnThreadExecutor("test", TimeSpan.Zero);
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var connecting = MllpSenderConnection.ConnectAsync("127.0.0.1", ((IPEndPoint)listener.LocalEndpoint).Port);
        using var peer = await listener.AcceptSocketAsync().WaitAsync(Limit);
        await using var connection = await connecting.WaitAsync(Limit);
        try
        {
            var ran = new TaskCompletionSource<(string? Inline, string? Nested)>(TaskCreationOptions.RunContinuationsAsynchronously);
            var woken = ExecuteWhenAnAckArrives(connection, executor, ran);

            peer.Send(MllpBytes.Frame(Encoding.ASCII.GetBytes("MSH|^~\\&|EPIC|MAINHOSP|ACTORBROKER|RAD|20261128093000||ACK^O01|A1|P|2.5.1\rMSA|AA|C1\r")));
            var (inline, nested) = await ran.Task.WaitAsync(Limit);
            await woken.WaitAsync(Limit);

            Assert.Equal("mllp-ack-reader", inline);
            Assert.Equal("outbox-thread", nested);
        }
        finally
        {
            executor.Shutdown();
        }
    }

    // ConfigureAwait(false): the continuation runs on the reader thread that wrote the reply (as the MLLP transport's does).
    private static async Task ExecuteWhenAnAckArrives(MllpSenderConnection connection, OwnThreadExecutor executor, TaskCompletionSource<(string?, string?)> ran)
    {
        await connection.Acks.ReadAsync().ConfigureAwait(false);
        executor.Execute(new ActionRunnable(() =>
        {
            var inline = Thread.CurrentThread.Name;
            // A run that schedules another (one outbox telling another) must not nest it on the same stack.
            executor.Execute(new ActionRunnable(() => ran.TrySetResult((inline, Thread.CurrentThread.Name))));
        }));
    }
}
