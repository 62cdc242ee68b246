using System.Net;
using ActorBroker.Cli.Commands;
using ActorBroker.Cli.Tests.Support;

namespace ActorBroker.Cli.Tests;

public class ExceptionsReplayCommandTests
{
    private const string ReplayPath = "/api/exceptions/EX-000001/replay";

    [Theory]
    [InlineData("accepted", "order ACC20001 placed", 0)]
    [InlineData("duplicate", "MSGBAD3 was already processed", 0)]
    [InlineData("rejected", "unknown order control 'XX'", 4)]
    [InlineData("failed", "Ask timed out on [akka://broker/user/orders]", 3)]
    public async Task Prints_the_outcome_and_exits_by_it(string outcome, string detail, int exit)
    {
        var handler = new FakeHandler().OnPost(ReplayPath, $$"""{"id":"EX-000001","outcome":"{{outcome}}","detail":"{{detail}}"}""");

        var result = await Abctl.RunAsync(handler, "exceptions", "replay", "EX-000001");

        Assert.Equal((exit, $"exception EX-000001 replayed: {outcome} ({detail})\n", ""), (result.ExitCode, result.Out, result.Error));
        var request = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal(ReplayPath, request.RequestUri!.PathAndQuery);
    }

    [Theory]
    [InlineData("accepted", 0)]
    [InlineData("Accepted", 0)]
    [InlineData("DUPLICATE", 0)]
    [InlineData("rejected", 4)]
    [InlineData("failed", 3)]
    [InlineData("quarantined", 4)] // an outcome this abctl does not know is not a success
    public void Exit_code_of_each_outcome(string outcome, int exit) => Assert.Equal(exit, ExceptionsReplayCommand.ExitCode(outcome));

    [Fact]
    public async Task Without_detail_and_with_control_characters_in_it()
    {
        var handler = new FakeHandler()
            .OnPost("/api/exceptions/EX-000002/replay", """{"id":"EX-000002","outcome":"accepted","detail":null}""")
            .OnPost("/api/exceptions/EX-000003/replay", """{"id":"EX-000003","outcome":"rejected","detail":"bad\rsegment \u001b[31m"}""");

        var plain = await Abctl.RunAsync(handler, "exceptions", "replay", "EX-000002");
        var hostile = await Abctl.RunAsync(handler, "exceptions", "replay", "EX-000003");

        Assert.Equal((0, "exception EX-000002 replayed: accepted\n"), (plain.ExitCode, plain.Out));
        Assert.Equal((4, "exception EX-000003 replayed: rejected (bad\\rsegment \\x1B[31m)\n"), (hostile.ExitCode, hostile.Out));
    }

    [Fact]
    public async Task Json_prints_the_answer_and_keeps_the_exit_code()
    {
        var handler = new FakeHandler().OnPost(ReplayPath, """{"id":"EX-000001","outcome":"rejected","detail":"unknown order control 'XX'"}""");

        var result = await Abctl.RunAsync(handler, "--json", "exceptions", "replay", "EX-000001");

        Assert.Equal(4, result.ExitCode);
        Assert.Equal(
            "{\n  \"id\": \"EX-000001\",\n  \"outcome\": \"rejected\",\n  \"detail\": \"unknown order control 'XX'\"\n}\n",
            result.Out.ReplaceLineEndings("\n"));
        Assert.Equal("", result.Error);
    }

    [Fact]
    public async Task Unknown_exception_exits_1()
    {
        var withText = await Abctl.RunAsync(
            new FakeHandler().OnPost(ReplayPath, ContractJson.Error("exception EX-000001 not found"), HttpStatusCode.NotFound),
            "exceptions", "replay", "EX-000001");
        var withoutText = await Abctl.RunAsync(new FakeHandler(), "exceptions", "replay", "EX-000001");

        Assert.All([withText, withoutText], r => Assert.Equal((1, "", "abctl: exception EX-000001 not found\n"), (r.ExitCode, r.Out, r.Error)));
    }

    [Fact]
    public async Task Server_error_or_an_answer_without_outcome_exits_3()
    {
        var failing = await Abctl.RunAsync(
            new FakeHandler().OnPost(ReplayPath, ContractJson.Error("inbound pipeline stopped"), HttpStatusCode.InternalServerError),
            "exceptions", "replay", "EX-000001");
        var noOutcome = await Abctl.RunAsync(new FakeHandler().OnPost(ReplayPath, """{"id":"EX-000001"}"""), "exceptions", "replay", "EX-000001");
        var noBody = await Abctl.RunAsync(new FakeHandler().OnPost(ReplayPath, ""), "exceptions", "replay", "EX-000001", "--json");

        Assert.Equal(
            (3, "", "abctl: ActorBroker management endpoint at 127.0.0.1:9110 failed: HTTP 500 Internal Server Error: inbound pipeline stopped\n"),
            (failing.ExitCode, failing.Out, failing.Error));
        Assert.All([noOutcome, noBody], r => Assert.Equal(
            (3, "", "abctl: ActorBroker management endpoint at 127.0.0.1:9110 answered the replay of EX-000001 without an outcome; check 'abctl exceptions show EX-000001'\n"),
            (r.ExitCode, r.Out, r.Error)));
    }

    [Theory]
    [InlineData("missing argument ID for 'exceptions replay'", "exceptions", "replay")]
    [InlineData("unexpected argument 'EX-2' for 'exceptions replay'", "exceptions", "replay", "EX-1", "EX-2")]
    [InlineData("unknown option '--limit' for 'exceptions replay'", "exceptions", "replay", "EX-1", "--limit", "3")]
    [InlineData("unknown command 'exceptions replya'; did you mean 'exceptions replay'?", "exceptions", "replya", "EX-1")]
    public async Task Bad_arguments_exit_2_without_calling_the_broker(string message, params string[] args)
    {
        var handler = new FakeHandler();

        var result = await Abctl.RunAsync(handler, args);

        Assert.Equal((2, ""), (result.ExitCode, result.Out));
        Assert.StartsWith($"abctl: {message}\nUsage: abctl ", result.Error, StringComparison.Ordinal);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task Help_documents_the_exit_codes()
    {
        var handler = new FakeHandler();

        var result = await Abctl.RunAsync(handler, "help", "exceptions", "replay");
        var group = await Abctl.RunAsync(handler, "exceptions", "--help");

        Assert.Equal((0, ""), (result.ExitCode, result.Error));
        Assert.StartsWith("Usage: abctl exceptions replay ID\n", result.Out, StringComparison.Ordinal);
        Assert.Contains("Exits 0 when it was accepted or was a duplicate (already processed), 4 when it was rejected again, 3 when processing failed", result.Out, StringComparison.Ordinal);
        Assert.Contains("  exceptions replay ID\n", group.Out, StringComparison.Ordinal);
        Assert.Empty(handler.Requests);
    }
}
