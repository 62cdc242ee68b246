using System.Net;
using ActorBroker.Cli.Tests.Support;

namespace ActorBroker.Cli.Tests;

public class ExceptionsCommandTests
{
    [Fact]
    public async Task List_prints_an_aligned_table()
    {
        var handler = new FakeHandler().On("/api/exceptions", ContractJson.Exceptions);

        var result = await Abctl.RunAsync(handler, "exceptions", "list");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            """
            ID         TIMESTAMP                   SOURCE      MESSAGE TYPE  CONTROL ID  ACK  LOCATION  REASON
            EX-000001  2026-11-28 15:00:00 +00:00  hl7:orders  ORM^O01       MSGBAD3     AE   ORC-1     unknown order control 'XX'
            EX-000002  2026-11-28 15:01:00 +00:00  hl7:orders  -             -           AR   -         no MSH segment

            """.ReplaceLineEndings("\n"),
            result.Out);
    }

    [Fact]
    public async Task List_shows_repeat_counts_when_the_broker_reports_them()
    {
        var handler = new FakeHandler().On(
            "/api/exceptions?limit=1",
            """{"exceptions":[{"id":"EX-000007","timestamp":"2026-11-28T15:00:00Z","source":"hl7:orders","reason":"bad","occurrences":14}],"total":3}""");

        var result = await Abctl.RunAsync(handler, "exceptions", "list", "--limit", "1");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            """
            ID         TIMESTAMP                   SOURCE      MESSAGE TYPE  CONTROL ID  ACK  LOCATION  COUNT  REASON
            EX-000007  2026-11-28 15:00:00 +00:00  hl7:orders  -             -           -    -            14  bad

            """.ReplaceLineEndings("\n"),
            result.Out);
        Assert.Equal("1 of 3 exceptions shown; use --limit to see more\n", result.Error);
    }

    [Fact]
    public async Task List_json_and_empty_list()
    {
        var handler = new FakeHandler()
            .On("/api/exceptions", ContractJson.Exceptions)
            .On("/api/exceptions?limit=3", """{"exceptions":[],"total":0}""");

        var json = await Abctl.RunAsync(handler, "exceptions", "list", "--json");
        var empty = await Abctl.RunAsync(handler, "exceptions", "list", "--limit=3");

        Assert.Equal(0, json.ExitCode);
        Assert.Contains("\"reason\": \"unknown order control 'XX'\"", json.Out, StringComparison.Ordinal);
        Assert.Contains("\"location\": null", json.Out, StringComparison.Ordinal);
        Assert.Equal(0, empty.ExitCode);
        Assert.Equal("no exceptions\n", empty.Out);
    }

    [Fact]
    public async Task Show_prints_details_and_the_raw_message_one_segment_per_line()
    {
        var handler = new FakeHandler().On("/api/exceptions/EX-000001", ContractJson.Exception);

        var result = await Abctl.RunAsync(handler, "exceptions", "show", "EX-000001");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            """
            ID:            EX-000001
            Timestamp:     2026-11-28 15:00:00 +00:00
            Source:        hl7:orders
            Remote:        127.0.0.1:40212
            Message type:  ORM^O01
            Control ID:    MSGBAD3
            ACK code:      AE
            Location:      ORC-1
            Reason:        unknown order control 'XX'

            RAW MESSAGE (312 bytes)
            MSH|^~\&|EPIC|MAINHOSP|BROKER|RAD|20261128090000||ORM^O01|MSGBAD3|P|2.3
            PID|1||E1000001^^^MAINHOSP||NÚÑEZ^JOSÉ
            ORC|XX|PL20001

            """.ReplaceLineEndings("\n"),
            result.Out);
    }

    [Fact]
    public async Task Show_decodes_rawBase64_when_there_is_no_rawText_and_escapes_framing_bytes()
    {
        var raw = System.Text.Encoding.Latin1.GetBytes("\u000bMSH|^~\\&|A\rPID|1||X||MÜLLER\r\u001c\r");
        var body = $$"""{"id":"EX-000009","timestamp":"2026-11-28T15:00:00+00:00","source":"hl7:orders","reason":"r","occurrences":2,"lastSeen":"2026-11-28T16:00:00+00:00","rawBase64":"{{Convert.ToBase64String(raw)}}","rawLength":{{raw.Length}}}""";
        var handler = new FakeHandler().On("/api/exceptions/EX-000009", body);

        var result = await Abctl.RunAsync(handler, "exceptions", "show", "EX-000009");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Last seen:     2026-11-28 16:00:00 +00:00\nOccurrences:   2\n", result.Out, StringComparison.Ordinal);
        Assert.EndsWith(
            $"RAW MESSAGE ({raw.Length} bytes)\n\\x0BMSH|^~\\&|A\nPID|1||X||MÜLLER\n\\x1C\n",
            result.Out,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_json_keeps_the_raw_fields()
    {
        var handler = new FakeHandler().On("/api/exceptions/EX-000001", ContractJson.Exception);

        var result = await Abctl.RunAsync(handler, "--json", "exceptions", "show", "EX-000001");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("\"rawText\": \"MSH|^~\\\\&|EPIC", result.Out, StringComparison.Ordinal);
        Assert.Contains("||NÚÑEZ^JOSÉ\\rORC|XX|PL20001\\r\"", result.Out, StringComparison.Ordinal);
        Assert.Contains("\"rawLength\": 312", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_unknown_id_exits_1()
    {
        var handler = new FakeHandler().On("/api/exceptions/EX-999999", ContractJson.Error("exception EX-999999 not found"), HttpStatusCode.NotFound);

        var result = await Abctl.RunAsync(handler, "exceptions", "show", "EX-999999");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Out);
        Assert.Equal("abctl: exception EX-999999 not found\n", result.Error);
    }
}
