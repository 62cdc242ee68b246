using System.Net;
using ActorBroker.Cli.Tests.Support;

namespace ActorBroker.Cli.Tests;

public class OrderShowCommandTests
{
    [Fact]
    public async Task Prints_details_then_worklist_and_events_tables()
    {
        var handler = new FakeHandler().On("/api/orders/ACC20001", ContractJson.Order);

        var result = await Abctl.RunAsync(handler, "order", "show", "ACC20001");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Error);
        Assert.Equal(
            """
            Site:          MAINHOSP
            Accession:     ACC20001
            State:         Scheduled
            Placer order:  PL20001
            Filler order:  FL20001
            Patient ID:    E1000001
            Issuer:        MAINHOSP
            Patient name:  NÚÑEZ^JOSÉ^ANTONIO^^SR.
            Birth date:    19600501
            Sex:           M

            WORKLIST
            SPS ID    MODALITY  STATION  DATE      TIME    TZ     STATUS     DESCRIPTION
            SPS20001  CT        CT01     20261128  103000  -0600  SCHEDULED  CT HEAD W/O CONTRAST

            EVENTS
             #  TIMESTAMP                   TYPE              MESSAGE ID  SUMMARY
             1  2026-11-28 14:45:00 +00:00  OrderPlaced       MSG000001   NW from EPIC: CT HEAD W/O CONTRAST
            12  2026-11-28 14:50:00 +00:00  OrderRescheduled  MSG000002   start 10:30 → 11:00

            """.ReplaceLineEndings("\n"),
            result.Out);
    }

    [Fact]
    public async Task Mpps_steps_and_the_report_history_are_shown_when_the_order_has_them()
    {
        var json = """
            {"site":"MAINHOSP","accession":"ACC9","state":"ReportedCorrected","patient":{"patientId":"E9"},"worklistItems":[],
             "performedSteps":[{"mppsUid":"2.25.7","status":"COMPLETED","station":"CT01","modality":"CT","start":"20261128101500","end":"20261128103000","discontinuationReason":null,"series":1,"images":120}],
             "reports":[
               {"status":"P","source":"ORU","reportId":"R1","interpreter":"RAD^ONE","observedAt":"2026-11-28T15:00:00+00:00","lines":["Findings:","Pending review."]},
               {"status":"F","source":"SR","reportId":"1.2.3","interpreter":"RAD^ONE","observedAt":"2026-11-28T16:00:00+00:00","lines":["","No bleed."]},
               {"status":"C","source":"ORU","reportId":"R3","interpreter":"RAD^TWO","observedAt":null,"lines":["Small bleed, señor."]}],
             "events":[]}
            """;
        var handler = new FakeHandler().On("/api/orders/ACC9", json);

        var result = await Abctl.RunAsync(handler, "order", "show", "ACC9");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(
            """
            PERFORMED STEPS (MPPS)
            MPPS UID  STATUS     STATION  MODALITY  START           END             SERIES  IMAGES  REASON
            2.25.7    COMPLETED  CT01     CT        20261128101500  20261128103000  1       120
            """.ReplaceLineEndings("\n"),
            result.Out);
        Assert.Contains("REPORTS\n", result.Out, StringComparison.Ordinal);
        Assert.Contains("1  P       ORU     R1", result.Out, StringComparison.Ordinal);
        Assert.Contains("3  C       ORU     R3", result.Out, StringComparison.Ordinal);
        Assert.Contains("LATEST REPORT TEXT\n  Small bleed, señor.\n", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Site_goes_to_the_query_and_the_accession_is_escaped()
    {
        var handler = new FakeHandler().On("/api/orders/ACC%2F7%20X?site=MAINHOSP", ContractJson.Order);

        var result = await Abctl.RunAsync(handler, "order", "show", "ACC/7 X", "--site", "MAINHOSP");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("/api/orders/ACC%2F7%20X?site=MAINHOSP", handler.LastUri!.PathAndQuery);
    }

    [Fact]
    public async Task Missing_fields_and_empty_sections_print_placeholders()
    {
        var handler = new FakeHandler().On("/api/orders/ACC5", """{"site":"MAINHOSP","accession":"ACC5","state":"Placed","patient":{"patientId":"E5"},"worklistItems":[],"events":[]}""");

        var result = await Abctl.RunAsync(handler, "order", "show", "ACC5");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Filler order:  -\n", result.Out, StringComparison.Ordinal);
        Assert.EndsWith("\nWORKLIST\n(none)\n\nEVENTS\n(none)\n", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_is_the_order_document_with_accents_readable()
    {
        var handler = new FakeHandler().On("/api/orders/ACC20001", ContractJson.Order);

        var result = await Abctl.RunAsync(handler, "order", "show", "ACC20001", "--json");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("\"name\": \"NÚÑEZ^JOSÉ^ANTONIO^^SR.\"", result.Out, StringComparison.Ordinal);
        Assert.Contains("\"summary\": \"start 10:30 → 11:00\"", result.Out, StringComparison.Ordinal);
        Assert.Contains("\"accession\": \"ACC20001\"", result.Out, StringComparison.Ordinal);
        Assert.Contains("\"sequenceNr\": 12", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Not_found_exits_1_with_the_brokers_message()
    {
        var handler = new FakeHandler().On("/api/orders/ACC9", ContractJson.Error("order ACC9 not found"), HttpStatusCode.NotFound);

        var result = await Abctl.RunAsync(handler, "order", "show", "ACC9");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Out);
        Assert.Equal("abctl: order ACC9 not found\n", result.Error);
    }

    [Fact]
    public async Task Not_found_without_an_error_body_still_exits_1()
    {
        var result = await Abctl.RunAsync(new FakeHandler(), "order", "show", "ACC9", "--site", "NORTHCLINIC", "--json");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Out);
        Assert.Equal("abctl: order ACC9 not found at site NORTHCLINIC\n", result.Error);
    }

    [Theory]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("{}")]
    public async Task An_empty_lookup_is_not_found(string body)
    {
        var handler = new FakeHandler().On("/api/orders/ACC9", body);

        var result = await Abctl.RunAsync(handler, "order", "show", "ACC9");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("abctl: order ACC9 not found\n", result.Error);
    }

    [Fact]
    public async Task Accession_at_several_sites_exits_2_asking_for_site()
    {
        var handler = new FakeHandler().On(
            "/api/orders/ACC1",
            ContractJson.Error("accession ACC1 exists at several sites: MAINHOSP, NORTHCLINIC; use --site"),
            HttpStatusCode.Conflict);

        var result = await Abctl.RunAsync(handler, "order", "show", "ACC1");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("abctl: accession ACC1 exists at several sites: MAINHOSP, NORTHCLINIC; use --site\n", result.Error);
    }

    [Fact]
    public async Task Terminal_control_characters_from_the_network_are_escaped()
    {
        var handler = new FakeHandler().On("/api/orders/ACC6", """{"site":"A","accession":"ACC6","state":"Placed","patient":{"name":"EVIL\u001b[2J^NAME\r\nX"}}""");

        var result = await Abctl.RunAsync(handler, "order", "show", "ACC6");

        Assert.Contains("Patient name:  EVIL\\x1B[2J^NAME\\r\\nX\n", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', result.Out);
    }
}
