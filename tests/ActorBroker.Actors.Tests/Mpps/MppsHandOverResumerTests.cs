using ActorBroker.Actors.Mpps;
using Akka.Actor;
using Akka.TestKit.Xunit2;

namespace ActorBroker.Actors.Tests.Mpps;

public sealed class MppsHandOverResumerTests : TestKit
{
    [Fact]
    public async Task Wakes_every_instance_the_scan_names_and_tries_a_failed_scan_again()
    {
        var region = CreateTestProbe();
        var calls = 0;
        Sys.ActorOf(MppsHandOverResumer.GetProps(region, _ => ++calls == 1
            ? Task.FromException<IReadOnlyList<string>>(new InvalidOperationException("no such table: journal"))
            : Task.FromResult<IReadOnlyList<string>>(["1.2.3", "1.2.4"])));

        Assert.Equal("1.2.3", (await region.ExpectMsgAsync<ResumeMppsHandOver>(TimeSpan.FromSeconds(10))).StudyInstanceUid);
        Assert.Equal("1.2.4", (await region.ExpectMsgAsync<ResumeMppsHandOver>()).StudyInstanceUid);
        Assert.Equal(2, calls);
    }

    [Fact]
    public async Task Many_instances_are_woken_a_batch_at_a_time()
    {
        var region = CreateTestProbe();
        Sys.ActorOf(MppsHandOverResumer.GetProps(
            region,
            _ => Task.FromResult<IReadOnlyList<string>>(["1", "2", "3", "4", "5"]),
            batches: new WakeBatches(2, TimeSpan.FromMilliseconds(500))));

        var woken = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            woken.Add((await region.ExpectMsgAsync<ResumeMppsHandOver>()).StudyInstanceUid);
        }

        await region.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(250));
        for (var i = 0; i < 3; i++)
        {
            woken.Add((await region.ExpectMsgAsync<ResumeMppsHandOver>(TimeSpan.FromSeconds(3))).StudyInstanceUid);
        }

        Assert.Equal(["1", "2", "3", "4", "5"], woken);
    }

    [Fact]
    public async Task An_instance_that_stopped_with_work_left_is_woken_again_once_after_the_pause()
    {
        var region = CreateTestProbe();
        var resumer = Sys.ActorOf(MppsHandOverResumer.GetProps(region, _ => Task.FromResult<IReadOnlyList<string>>([]), TimeSpan.FromMilliseconds(200)));

        // Tell it directly rather than through the event stream, so that the test does not race its subscription.
        resumer.Tell(new MppsHandOverPending("1.2.5"));
        resumer.Tell(new MppsHandOverPending("1.2.5"));
        Assert.Equal("1.2.5", (await region.ExpectMsgAsync<ResumeMppsHandOver>()).StudyInstanceUid);
        await region.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(400));

        Sys.EventStream.Publish(new MppsHandOverPending("1.2.6"));
        await AwaitAssertAsync(
            async () =>
            {
                Sys.EventStream.Publish(new MppsHandOverPending("1.2.6"));
                Assert.Equal("1.2.6", (await region.ExpectMsgAsync<ResumeMppsHandOver>(TimeSpan.FromSeconds(1))).StudyInstanceUid);
            },
            TimeSpan.FromSeconds(5));
    }
}
