using System.Net;
using ActorBroker.Cli.Output;
using ActorBroker.Cli.Tests.Support;

namespace ActorBroker.Cli.Tests;

public class InterfaceCommandTests
{
    private const string MessagePath = "/api/interfaces/ehr/messages/ehr-000000000042";

    [Fact]
    public async Task List_prints_an_aligned_table()
    {
        var result = await Abctl.RunAsync(new FakeHandler().On("/api/interfaces", ContractJson.Interfaces), "interface", "list");

        Assert.Equal((0, ""), (result.ExitCode, result.Error));
        Assert.Equal(
            """
            NAME    DIRECTION  KIND      ENDPOINT        STATE      CONNECTED  QUEUE  IN-FLIGHT  PARKED  OLDEST  RETRIES  LAST ERROR
            orders  inbound    hl7-mllp  127.0.0.1:2575  listening  yes            0          0       0       -        0  -
            ehr     outbound   hl7-mllp  127.0.0.1:2576  connected  yes            3          1       1     12s        4  AE from receiver: unknown order

            """.ReplaceLineEndings("\n"),
            result.Out);
    }

    [Fact]
    public async Task List_clips_long_errors_escapes_control_characters_and_tolerates_missing_fields()
    {
        var error = "AE from receiver: MSA|AE|AB1\rERR|^^^207&Application internal error&HL70357|" + new string('x', 80);
        var body = $$$"""
            {"interfaces":[{"name":"lab","direction":"outbound","connected":false,"oldestMessageAgeSeconds":184.9,"lastError":"{{{error.Replace("\r", "\\r", StringComparison.Ordinal)}}}","futureField":{"a":1}}]}
            """;

        var result = await Abctl.RunAsync(new FakeHandler().On("/api/interfaces", body), "interface", "list");

        Assert.Equal(0, result.ExitCode);
        var row = result.OutLines[1];
        Assert.StartsWith("lab   outbound   -     -         -      no             -          -       -  3m 04s        -  AE from receiver: MSA|AE|AB1\\rERR|", row, StringComparison.Ordinal);
        Assert.EndsWith("…", row, StringComparison.Ordinal);
        var lastError = row[row.IndexOf("AE from", StringComparison.Ordinal)..];
        Assert.Equal(60, DisplayWidth.Of(lastError));
        Assert.DoesNotContain('\r', result.Out);
    }

    [Fact]
    public async Task List_json_is_the_document_and_an_empty_list_is_not_an_error()
    {
        var json = await Abctl.RunAsync(new FakeHandler().On("/api/interfaces", ContractJson.Interfaces), "interface", "list", "--json");
        var empty = await Abctl.RunAsync(new FakeHandler().On("/api/interfaces", """{"interfaces":[]}"""), "interface", "list");

        Assert.Equal(0, json.ExitCode);
        Assert.Contains("\"oldestMessageAgeSeconds\": 12.5,", json.Out, StringComparison.Ordinal);
        Assert.Contains("\"accepted\": null,", json.Out, StringComparison.Ordinal);
        Assert.Equal((0, "no interfaces\n"), (empty.ExitCode, empty.Out));
    }

    [Fact]
    public async Task List_server_errors_and_an_older_broker_exit_3()
    {
        var failing = await Abctl.RunAsync(
            new FakeHandler().On("/api/interfaces", ContractJson.Error("outbound registry did not answer"), HttpStatusCode.InternalServerError),
            "interface", "list");
        var older = await Abctl.RunAsync(new FakeHandler(), "interface", "list");

        Assert.Equal(
            (3, "abctl: ActorBroker management endpoint at 127.0.0.1:9110 failed: HTTP 500 Internal Server Error: outbound registry did not answer\n"),
            (failing.ExitCode, failing.Error));
        Assert.Equal(3, older.ExitCode);
        Assert.Contains("answered HTTP 404 Not Found for /api/interfaces; is this an ActorBroker management port, and is the broker recent enough?", older.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_prints_the_interface_then_its_messages_oldest_first()
    {
        var result = await Abctl.RunAsync(new FakeHandler().On("/api/interfaces/ehr", ContractJson.Interface), "interface", "show", "ehr");

        Assert.Equal((0, ""), (result.ExitCode, result.Error));
        Assert.Equal(
            """
            Name:             ehr
            Direction:        outbound
            Kind:             hl7-mllp
            Endpoint:         127.0.0.1:2576
            State:            connected
            Connected:        yes (1 connection)
            Queue depth:      3
            In flight:        1
            Parked:           1
            Oldest message:   3m 04s
            Retries:          4
            Delivered:        120
            Errors:           2
            Last error:       AE from receiver: unknown order
            Last error at:    2026-11-28 10:01:00 +00:00
            Last message at:  2026-11-28 10:02:00 +00:00

            MESSAGES
            ID                STATE      ATTEMPTS  ENQUEUED                    NEXT ATTEMPT                ORDER             CONTROL ID      KIND    SUMMARY        LAST ERROR
            ehr-000000000042  parked            3  2026-11-28 09:59:00 +00:00  -                           MAINHOSP|ACC1     AB000000000042  status  ORM^O01 SC/IP  AE: unknown order
            ehr-000000000043  in-flight         1  2026-11-28 10:00:00 +00:00  -                           MAINHOSP|ACC2     AB000000000043  report  ORU^R01 F      -
            ehr-000000000044  pending           0  2026-11-28 10:01:30 +00:00  2026-11-28 10:02:30 +00:00  NORTHCLINIC|ACC3  AB000000000044  status  ORM^O01 SC/CM  -

            """.ReplaceLineEndings("\n"),
            result.Out);
    }

    [Fact]
    public async Task Show_an_inbound_interface_with_counts_and_no_messages()
    {
        var body = """
            {"name":"orders","direction":"inbound","kind":"hl7-mllp","endpoint":"127.0.0.1:2575","state":"listening","connected":true,"connections":2,"queueDepth":0,"inFlight":0,"parked":0,"oldestMessageAgeSeconds":null,"retries":0,"delivered":null,"accepted":10,"rejected":1,"errors":0,"lastError":null,"lastErrorAt":null,"lastMessageAt":"2026-11-28T10:00:00+00:00","messages":[],"totalMessages":0}
            """;

        var result = await Abctl.RunAsync(new FakeHandler().On("/api/interfaces/orders", body), "interface", "show", "orders");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Connected:        yes (2 connections)\n", result.Out, StringComparison.Ordinal);
        Assert.Contains("Oldest message:   -\nRetries:          0\nAccepted:         10\nRejected:         1\nErrors:           0\nLast error:       -\n", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("Delivered", result.Out, StringComparison.Ordinal);
        Assert.EndsWith("\nMESSAGES\n(none)\n", result.Out, StringComparison.Ordinal);
        Assert.Equal("", result.Error);
    }

    [Fact]
    public async Task Show_says_on_stderr_when_the_broker_has_more_messages_than_it_sent()
    {
        var body = """{"name":"ehr","messages":[{"id":"ehr-1","state":"parked","attempts":9}],"totalMessages":250}""";

        var result = await Abctl.RunAsync(new FakeHandler().On("/api/interfaces/ehr", body), "interface", "show", "ehr");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("\nehr-1  parked         9  -         -             -      -           -     -        -\n", result.Out, StringComparison.Ordinal);
        Assert.Equal("1 of 250 messages shown (the oldest)\n", result.Error);
    }

    [Fact]
    public async Task Show_json_and_escaping_of_the_name()
    {
        var handler = new FakeHandler().On("/api/interfaces/lab%20north", ContractJson.Interface);

        var result = await Abctl.RunAsync(handler, "--json", "interface", "show", "lab north");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("\"id\": \"ehr-000000000042\",", result.Out, StringComparison.Ordinal);
        Assert.Contains("\"totalMessages\": 3", result.Out, StringComparison.Ordinal);
        Assert.Equal(HttpMethod.Get, handler.Requests.Single().Method);
    }

    [Fact]
    public async Task Show_unknown_interface_exits_1()
    {
        var withText = await Abctl.RunAsync(
            new FakeHandler().On("/api/interfaces/pacs", ContractJson.Error("no interface pacs (configured: orders, ehr)"), HttpStatusCode.NotFound),
            "interface", "show", "pacs");
        var withoutText = await Abctl.RunAsync(new FakeHandler(), "interface", "show", "pacs");

        Assert.Equal((1, "", "abctl: no interface pacs (configured: orders, ehr)\n"), (withText.ExitCode, withText.Out, withText.Error));
        Assert.Equal((1, "", "abctl: no interface pacs\n"), (withoutText.ExitCode, withoutText.Out, withoutText.Error));
    }

    [Fact]
    public async Task Show_server_error_exits_3()
    {
        var result = await Abctl.RunAsync(
            new FakeHandler().On("/api/interfaces/ehr", "", HttpStatusCode.BadGateway), "interface", "show", "ehr");

        Assert.Equal((3, "abctl: ActorBroker management endpoint at 127.0.0.1:9110 failed: HTTP 502 Bad Gateway\n"), (result.ExitCode, result.Error));
    }

    [Fact]
    public async Task Retry_posts_and_confirms_in_one_line()
    {
        var handler = new FakeHandler().OnPost(MessagePath + "/retry", """{"id":"ehr-000000000042","state":"pending"}""");

        var result = await Abctl.RunAsync(handler, "interface", "retry", "ehr", "ehr-000000000042");

        Assert.Equal((0, "message ehr-000000000042 queued for retry\n", ""), (result.ExitCode, result.Out, result.Error));
        var request = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal(MessagePath + "/retry", request.RequestUri!.PathAndQuery);
    }

    [Fact]
    public async Task Discard_posts_and_confirms_in_one_line()
    {
        var handler = new FakeHandler().OnPost(MessagePath + "/discard", """{"id":"ehr-000000000042","state":"discarded"}""");

        var result = await Abctl.RunAsync(handler, "interface", "discard", "ehr", "ehr-000000000042");

        Assert.Equal((0, "message ehr-000000000042 discarded\n", ""), (result.ExitCode, result.Out, result.Error));
        Assert.Equal(HttpMethod.Post, Assert.Single(handler.Requests).Method);
    }

    [Fact]
    public async Task Retry_and_discard_json_print_the_brokers_answer()
    {
        var handler = new FakeHandler()
            .OnPost(MessagePath + "/retry", """{"id":"ehr-000000000042","state":"pending"}""")
            .OnPost(MessagePath + "/discard", """{"id":"ehr-000000000042","state":"discarded","extra":null}""");

        var retry = await Abctl.RunAsync(handler, "interface", "retry", "ehr", "ehr-000000000042", "--json");
        var discard = await Abctl.RunAsync(handler, "--json", "interface", "discard", "ehr", "ehr-000000000042");

        Assert.Equal((0, "{\n  \"id\": \"ehr-000000000042\",\n  \"state\": \"pending\"\n}\n"), (retry.ExitCode, retry.Out.ReplaceLineEndings("\n")));
        Assert.Equal(0, discard.ExitCode);
        Assert.Contains("\"state\": \"discarded\"", discard.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retry_escapes_the_path_and_takes_an_id_after_double_dash()
    {
        var handler = new FakeHandler().OnPost("/api/interfaces/ehr/messages/-x%2F1/retry", """{"id":"-x/1","state":"pending"}""");

        var result = await Abctl.RunAsync(handler, "interface", "retry", "ehr", "--", "-x/1");

        Assert.Equal((0, "message -x/1 queued for retry\n"), (result.ExitCode, result.Out));
    }

    [Fact]
    public async Task Retry_of_an_unknown_message_exits_1()
    {
        var withText = await Abctl.RunAsync(
            new FakeHandler().OnPost(MessagePath + "/retry", ContractJson.Error("no message ehr-000000000042 on interface ehr"), HttpStatusCode.NotFound),
            "interface", "retry", "ehr", "ehr-000000000042");
        var withoutText = await Abctl.RunAsync(new FakeHandler(), "interface", "discard", "ehr", "ehr-000000000042");

        Assert.Equal((1, "", "abctl: no message ehr-000000000042 on interface ehr\n"), (withText.ExitCode, withText.Out, withText.Error));
        Assert.Equal((1, "", "abctl: no message ehr-000000000042 on interface ehr\n"), (withoutText.ExitCode, withoutText.Out, withoutText.Error));
    }

    [Fact]
    public async Task A_refusal_in_the_current_state_exits_4()
    {
        var withText = await Abctl.RunAsync(
            new FakeHandler().OnPost(MessagePath + "/discard", ContractJson.Error("message ehr-000000000042 is in flight"), HttpStatusCode.Conflict),
            "interface", "discard", "ehr", "ehr-000000000042");
        var withoutText = await Abctl.RunAsync(
            new FakeHandler().OnPost(MessagePath + "/retry", "", HttpStatusCode.Conflict),
            "interface", "retry", "ehr", "ehr-000000000042");

        Assert.Equal((4, "", "abctl: message ehr-000000000042 is in flight\n"), (withText.ExitCode, withText.Out, withText.Error));
        Assert.Equal(
            (4, $"abctl: the broker refused {MessagePath}/retry: HTTP 409 Conflict\n"),
            (withoutText.ExitCode, withoutText.Error));
    }

    [Fact]
    public async Task Retry_server_error_or_a_broker_without_the_action_exits_3()
    {
        var failing = await Abctl.RunAsync(
            new FakeHandler().OnPost(MessagePath + "/retry", ContractJson.Error("Ask timed out"), HttpStatusCode.InternalServerError),
            "interface", "retry", "ehr", "ehr-000000000042");
        var getOnly = await Abctl.RunAsync(
            new FakeHandler().On(MessagePath + "/retry", "{}"),
            "interface", "retry", "ehr", "ehr-000000000042");

        Assert.Equal(
            (3, "", "abctl: ActorBroker management endpoint at 127.0.0.1:9110 failed: HTTP 500 Internal Server Error: Ask timed out\n"),
            (failing.ExitCode, failing.Out, failing.Error));
        Assert.Equal(3, getOnly.ExitCode);
        Assert.Contains($"answered HTTP 405 Method Not Allowed for {MessagePath}/retry; is this an ActorBroker management port, and is the broker recent enough?", getOnly.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("missing argument ID for 'interface retry'", "interface", "retry", "ehr")]
    [InlineData("missing argument NAME for 'interface discard'", "interface", "discard")]
    [InlineData("unexpected argument 'more' for 'interface discard'", "interface", "discard", "ehr", "ehr-1", "more")]
    [InlineData("missing argument NAME for 'interface show'", "interface", "show")]
    [InlineData("unexpected argument 'x' for 'interface list'", "interface", "list", "x")]
    [InlineData("unknown option '--site' for 'interface list'", "interface", "list", "--site", "A")]
    [InlineData("unknown command 'interface bogus'", "interface", "bogus")]
    [InlineData("'interface' needs a subcommand", "interface")]
    [InlineData("unknown command 'interfaces'; did you mean 'interface list'?", "interfaces", "list")]
    public async Task Bad_arguments_exit_2_without_calling_the_broker(string message, params string[] args)
    {
        var handler = new FakeHandler();

        var result = await Abctl.RunAsync(handler, args);

        Assert.Equal((2, ""), (result.ExitCode, result.Out));
        Assert.StartsWith($"abctl: {message}\nUsage: abctl ", result.Error, StringComparison.Ordinal);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task Help_for_the_group_and_each_command()
    {
        var handler = new FakeHandler();

        var group = await Abctl.RunAsync(handler, "interface", "--help");
        var retry = await Abctl.RunAsync(handler, "help", "interface", "retry");
        var discard = await Abctl.RunAsync(handler, "interface", "discard", "-h");

        Assert.Equal((0, ""), (group.ExitCode, group.Error));
        Assert.Contains("  interface list\n", group.Out, StringComparison.Ordinal);
        Assert.Contains("  interface show NAME\n", group.Out, StringComparison.Ordinal);
        Assert.Contains("  interface retry NAME ID\n", group.Out, StringComparison.Ordinal);
        Assert.Contains("  interface discard NAME ID\n", group.Out, StringComparison.Ordinal);
        Assert.StartsWith("Usage: abctl interface retry NAME ID\n\nQueue a parked or waiting outbound message to be sent again (changes broker state).\n", retry.Out, StringComparison.Ordinal);
        Assert.Contains("  NAME  The interface name (from 'interface list', e.g. ehr)\n", retry.Out, StringComparison.Ordinal);
        Assert.Contains("  4  Refused", retry.Out, StringComparison.Ordinal);
        Assert.Contains("There is no undo", discard.Out, StringComparison.Ordinal);
        Assert.Empty(handler.Requests);
    }
}
