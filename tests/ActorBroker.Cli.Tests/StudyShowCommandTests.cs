using System.Net;
using ActorBroker.Cli.Tests.Support;

namespace ActorBroker.Cli.Tests;

public class StudyShowCommandTests
{
    [Fact]
    public async Task Prints_the_study_then_mpps_series_and_orders()
    {
        var handler = new FakeHandler().On("/api/studies/1.2.3", ContractJson.Study);

        var result = await Abctl.RunAsync(handler, "study", "show", "1.2.3");

        Assert.Equal((0, ""), (result.ExitCode, result.Error));
        Assert.Equal(
            """
            Study UID:  1.2.3
            Version:    3

            MPPS
            UID     STATUS     STATION  MODALITY  START                END                  ORDERS
            2.25.1  COMPLETED  CT01     CT        2026-11-28 10:15:00  2026-11-28 10:30:00  MAINHOSP|ACC1

            SERIES
            UID      DESCRIPTION  IMAGES
            1.2.3.4  AX 5mm          120

            ORDERS
            SITE      ACCESSION  STATE
            MAINHOSP  ACC1       Completed

            """.ReplaceLineEndings("\n"),
            result.Out);
        Assert.Equal(HttpMethod.Get, Assert.Single(handler.Requests).Method);
    }

    [Fact]
    public async Task Several_orders_per_step_odd_date_times_and_empty_sections()
    {
        var body = """
            {"studyInstanceUid":"1.2.3","version":1,
             "mpps":[{"uid":"2.25.9","status":"IN PROGRESS","station":"CT01","modality":"CT","start":"20261128101500.25+0100","end":null,"orders":["MAINHOSP|ACC1","MAINHOSP|ACC2"]},
                     {"uid":"2.25.10","status":"DISCONTINUED","start":"yesterday","orders":[]}],
             "series":[],"orders":[]}
            """;

        var result = await Abctl.RunAsync(new FakeHandler().On("/api/studies/1.2.3", body), "study", "show", "1.2.3");

        Assert.Equal(0, result.ExitCode);
        Assert.EndsWith(
            """
            MPPS
            UID      STATUS        STATION  MODALITY  START                          END  ORDERS
            2.25.9   IN PROGRESS   CT01     CT        2026-11-28 10:15:00.25 +01:00  -    MAINHOSP|ACC1, MAINHOSP|ACC2
            2.25.10  DISCONTINUED  -        -         yesterday                      -    -

            SERIES
            (none)

            ORDERS
            (none)

            """.ReplaceLineEndings("\n"),
            result.Out);
    }

    [Fact]
    public async Task Json_is_the_brokers_document()
    {
        var result = await Abctl.RunAsync(new FakeHandler().On("/api/studies/1.2.3", ContractJson.Study), "study", "show", "--json", "1.2.3");

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("{\n  \"studyInstanceUid\": \"1.2.3\",\n  \"version\": 3,\n", result.Out.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("\"images\": 120", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_study_exits_1()
    {
        var withText = await Abctl.RunAsync(
            new FakeHandler().On("/api/studies/1.2.9", ContractJson.Error("no study 1.2.9"), HttpStatusCode.NotFound), "study", "show", "1.2.9");
        var withoutText = await Abctl.RunAsync(new FakeHandler(), "study", "show", "1.2.9");
        var empty = await Abctl.RunAsync(new FakeHandler().On("/api/studies/1.2.9", "{}"), "study", "show", "1.2.9");

        Assert.All([withText, withoutText, empty], r => Assert.Equal((1, "", "abctl: no study 1.2.9\n"), (r.ExitCode, r.Out, r.Error)));
    }

    [Fact]
    public async Task Server_error_exits_3()
    {
        var result = await Abctl.RunAsync(
            new FakeHandler().On("/api/studies/1.2.3", ContractJson.Error("study region unavailable"), HttpStatusCode.ServiceUnavailable),
            "study", "show", "1.2.3");

        Assert.Equal(
            (3, "", "abctl: ActorBroker management endpoint at 127.0.0.1:9110 failed: HTTP 503 Service Unavailable: study region unavailable\n"),
            (result.ExitCode, result.Out, result.Error));
    }

    [Theory]
    [InlineData("missing argument STUDYUID for 'study show'", "study", "show")]
    [InlineData("unexpected argument '1.2.4' for 'study show'", "study", "show", "1.2.3", "1.2.4")]
    [InlineData("unknown option '--site' for 'study show'", "study", "show", "1.2.3", "--site", "A")]
    [InlineData("unknown command 'studies'; did you mean 'study show'?", "studies", "show", "1.2.3")]
    [InlineData("'study' needs a subcommand", "study")]
    public async Task Bad_arguments_exit_2_without_calling_the_broker(string message, params string[] args)
    {
        var handler = new FakeHandler();

        var result = await Abctl.RunAsync(handler, args);

        Assert.Equal((2, ""), (result.ExitCode, result.Out));
        Assert.StartsWith($"abctl: {message}\nUsage: abctl ", result.Error, StringComparison.Ordinal);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task Help()
    {
        var result = await Abctl.RunAsync(new FakeHandler(), "study", "show", "--help");

        Assert.Equal((0, ""), (result.ExitCode, result.Error));
        Assert.StartsWith("Usage: abctl study show STUDYUID\n\nShow one study: its MPPS (performed procedure steps), series and the orders it belongs to.\n", result.Out, StringComparison.Ordinal);
        Assert.Contains("  STUDYUID  The Study Instance UID (0020,000D)", result.Out, StringComparison.Ordinal);
    }
}
