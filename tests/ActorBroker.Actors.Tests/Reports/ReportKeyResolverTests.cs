using ActorBroker.Actors.Orders;
using ActorBroker.Actors.Reports;
using ActorBroker.Domain.Orders;
using ActorBroker.Domain.Reports;
using Akka.TestKit.Xunit2;

namespace ActorBroker.Actors.Tests.Reports;

/// <summary>Which order a report belongs to: its accession, else one match in the order index (a probe here).</summary>
public sealed class ReportKeyResolverTests : TestKit
{
    private static readonly OrderKey Key = new("MAINHOSP", "ACC20001");

    [Fact]
    public async Task An_accession_is_the_key_without_asking_the_index()
    {
        var index = CreateTestProbe();
        var resolved = await new ReportKeyResolver(index).ResolveAsync(new ReportMatch(Key, "PL1", "", "", "MAINHOSP"), CancellationToken.None);
        Assert.Equal((Key, (string?)null), resolved);
        await index.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task Nothing_to_look_up_is_a_problem_that_says_why_the_accession_was_unusable()
    {
        var index = CreateTestProbe();
        var match = new ReportMatch(null, "", "", "", "MAINHOSP") { AccessionAsSent = "ACC 1", AccessionProblem = "contains a space" };
        var (key, problem) = await new ReportKeyResolver(index).ResolveAsync(match, CancellationToken.None);
        Assert.Null(key);
        Assert.Contains("names no accession", problem, StringComparison.Ordinal);
        Assert.EndsWith("(contains a space)", problem, StringComparison.Ordinal);
        await index.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task One_match_in_the_index_is_the_key_and_the_site_narrows_the_search()
    {
        var index = CreateTestProbe();
        var resolving = new ReportKeyResolver(index).ResolveAsync(new ReportMatch(null, "PL20001", "", "1.2.3", "MAINHOSP"), CancellationToken.None);
        Assert.Equal(new FindOrdersByReference("MAINHOSP", "PL20001", "", "1.2.3"), await index.ExpectMsgAsync<FindOrdersByReference>());
        index.Reply(new OrderKeys([Key]));
        Assert.Equal((Key, (string?)null), await resolving);
    }

    [Fact]
    public async Task No_site_searches_every_site()
    {
        var index = CreateTestProbe();
        var resolving = new ReportKeyResolver(index).ResolveAsync(new ReportMatch(null, "", "F1", "", ""), CancellationToken.None);
        Assert.Null((await index.ExpectMsgAsync<FindOrdersByReference>()).Site);
        index.Reply(new OrderKeys([Key]));
        Assert.Equal(Key, (await resolving).Key);
    }

    [Fact]
    public async Task No_match_or_several_matches_are_problems()
    {
        var index = CreateTestProbe();
        var resolver = new ReportKeyResolver(index);

        var none = resolver.ResolveAsync(new ReportMatch(null, "PL9", "", "", "MAINHOSP"), CancellationToken.None);
        await index.ExpectMsgAsync<FindOrdersByReference>();
        index.Reply(new OrderKeys([]));
        var (key, problem) = await none;
        Assert.Null(key);
        Assert.Contains("no order matches placer 'PL9'", problem, StringComparison.Ordinal);

        var several = resolver.ResolveAsync(new ReportMatch(null, "", "", "1.2.3", "MAINHOSP"), CancellationToken.None);
        await index.ExpectMsgAsync<FindOrdersByReference>();
        index.Reply(new OrderKeys([Key, Key with { Accession = "ACC20002" }]));
        (key, problem) = await several;
        Assert.Null(key);
        Assert.StartsWith("2 orders match", problem, StringComparison.Ordinal);
        Assert.Contains("send the accession", problem, StringComparison.Ordinal);
    }
}
