using ActorBroker.Cli.Output;
using ActorBroker.Cli.Tests.Support;

namespace ActorBroker.Cli.Tests;

public class OrdersListCommandTests
{
    [Fact]
    public async Task Prints_an_aligned_table_with_accents_intact()
    {
        var handler = new FakeHandler().On("/api/orders", ContractJson.Orders);

        var result = await Abctl.RunAsync(handler, "orders", "list");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Error);
        Assert.Equal(
            """
            SITE         ACCESSION  STATE       PATIENT ID  PATIENT NAME             MODALITY  STATION  SCHEDULED START             UPDATED
            MAINHOSP     ACC20001   Scheduled   E1000001    NÚÑEZ^JOSÉ^ANTONIO^^SR.  CT        CT01     2026-11-28 10:30:00 -06:00  2026-11-28 14:50:00 +00:00
            NORTHCLINIC  ACC3       InProgress  E77         LI^WEI                   MR        MR01     2026-11-29 08:00:00 -06:00  2026-11-29 13:01:02 +00:00

            """.ReplaceLineEndings("\n"),
            result.Out);
    }

    [Fact]
    public async Task Columns_start_at_the_same_display_column_on_every_line()
    {
        var handler = new FakeHandler().On("/api/orders", ContractJson.Orders);

        var lines = (await Abctl.RunAsync(handler, "orders", "list")).OutLines.Where(l => l.Length > 0).ToList();

        // "MODALITY" is right after the accented name: its column must not drift by the accents' UTF-16/UTF-8 length.
        var header = lines[0];
        var modalityColumn = DisplayWidth.Of(header[..header.IndexOf("MODALITY", StringComparison.Ordinal)]);
        Assert.Equal(modalityColumn, DisplayWidth.Of(lines[1][..lines[1].IndexOf("  CT  ", StringComparison.Ordinal)]) + 2);
        Assert.Equal(modalityColumn, DisplayWidth.Of(lines[2][..lines[2].IndexOf("  MR  ", StringComparison.Ordinal)]) + 2);
        Assert.Contains("NÚÑEZ^JOSÉ^ANTONIO^^SR.", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Filters_go_to_the_query_string_escaped()
    {
        var handler = new FakeHandler().On("/api/orders?site=NORTH%20CLINIC&state=Scheduled&limit=5", ContractJson.Orders);

        var result = await Abctl.RunAsync(handler, "orders", "list", "--state", "Scheduled", "--limit", "5", "--site", "NORTH CLINIC");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("/api/orders?site=NORTH%20CLINIC&state=Scheduled&limit=5", handler.LastUri!.PathAndQuery);
    }

    [Fact]
    public async Task Json_keeps_accents_unescaped_and_every_accession()
    {
        var handler = new FakeHandler().On("/api/orders", ContractJson.Orders);

        var result = await Abctl.RunAsync(handler, "--json", "orders", "list");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("\"patientName\": \"NÚÑEZ^JOSÉ^ANTONIO^^SR.\"", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u00", result.Out, StringComparison.Ordinal);
        Assert.Contains("\"accession\": \"ACC20001\"", result.Out, StringComparison.Ordinal);
        Assert.Contains("\"accession\": \"ACC3\"", result.Out, StringComparison.Ordinal);
        Assert.Contains("\"total\": 2", result.Out, StringComparison.Ordinal);
        Assert.Contains("\n    {\n      \"site\": \"MAINHOSP\",", result.Out, StringComparison.Ordinal); // indented
    }

    [Fact]
    public async Task Empty_list_is_not_an_error()
    {
        var handler = new FakeHandler().On("/api/orders?state=Cancelled", """{"orders":[],"total":0}""");

        var result = await Abctl.RunAsync(handler, "orders", "list", "--state", "Cancelled");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("no orders\n", result.Out);
    }

    [Fact]
    public async Task A_truncated_list_says_so_on_stderr()
    {
        var handler = new FakeHandler().On("/api/orders?limit=2", ContractJson.Orders.Replace("\"total\":2", "\"total\":57", StringComparison.Ordinal));

        var result = await Abctl.RunAsync(handler, "orders", "list", "--limit", "2");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("2 of 57 orders shown; use --limit to see more\n", result.Error);
    }

    [Fact]
    public async Task Unknown_state_rejected_by_the_broker_exits_2_with_its_message()
    {
        var handler = new FakeHandler().On(
            "/api/orders?state=Bogus",
            ContractJson.Error("unknown state 'Bogus'; one of Scheduled, InProgress, Completed, Cancelled"),
            System.Net.HttpStatusCode.BadRequest);

        var result = await Abctl.RunAsync(handler, "orders", "list", "--state", "Bogus");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("abctl: unknown state 'Bogus'; one of Scheduled, InProgress, Completed, Cancelled\n", result.Error);
    }

    [Fact]
    public async Task An_answer_without_the_orders_list_is_a_server_error()
    {
        var handler = new FakeHandler().On("/api/orders", """{"items":[]}""");

        var result = await Abctl.RunAsync(handler, "orders", "list");

        Assert.Equal(3, result.ExitCode);
        Assert.Equal("abctl: ActorBroker management endpoint at 127.0.0.1:9110 answered without the 'orders' list\n", result.Error);
    }
}
