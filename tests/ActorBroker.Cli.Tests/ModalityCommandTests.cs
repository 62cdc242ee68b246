using System.Net;
using ActorBroker.Cli.Tests.Support;

namespace ActorBroker.Cli.Tests;

public class ModalityCommandTests
{
    private const string List = """
        {"scp":{"aeTitle":"ACTORBROKER","status":"listening","endpoint":"127.0.0.1:11112","activeAssociations":0,"acceptAnyCallingAe":false},
         "worklist":{"status":"ready","items":3,"orders":2,"rebuildMilliseconds":812},
         "modalities":[
           {"aeTitle":"CT01","site":"MAINHOSP","modality":"CT","characterSet":"ISO_IR 192","stationName":"CT SCANNER 1","worklistItems":1,"associations":4,"activeAssociations":0,"rejectedAssociations":0,"queries":4,"failedQueries":0,"cancelledQueries":0,"itemsReturned":3,"lastAssociationAt":"2026-11-28T15:02:11Z","lastQueryAt":"2026-11-28T15:02:11Z","lastQueryItems":1,"lastQueryMilliseconds":0.412},
           {"aeTitle":"MR01","site":"MAINHOSP","modality":"MR","characterSet":"ISO_IR 100","stationName":"","worklistItems":0,"associations":0,"activeAssociations":0,"rejectedAssociations":0,"queries":0,"failedQueries":0,"cancelledQueries":0,"itemsReturned":0,"lastAssociationAt":null,"lastQueryAt":null,"lastQueryItems":null,"lastQueryMilliseconds":null}],
         "unknownCallers":[{"aeTitle":"INTRUDER","associations":0,"rejected":1,"queries":0,"lastSeen":"2026-11-28T15:04:00Z"}]}
        """;

    [Fact]
    public async Task List_prints_the_scp_the_modalities_and_unconfigured_callers()
    {
        var result = await Abctl.RunAsync(new FakeHandler().On("/api/modalities", List), "modality", "list");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            """
            DICOM SCP:  ACTORBROKER listening on 127.0.0.1:11112
            Worklist:   ready, 3 items of 2 orders

            AE TITLE  SITE      MODALITY  CHARSET     ITEMS  ASSOCS  REJECTED  QUERIES  RETURNED  LAST QUERY
            CT01      MAINHOSP  CT        ISO_IR 192      1       4         0        4         3  2026-11-28 15:02:11 +00:00
            MR01      MAINHOSP  MR        ISO_IR 100      0       0         0        0         0  -

            UNCONFIGURED CALLERS
            AE TITLE  ASSOCS  REJECTED  QUERIES  LAST SEEN
            INTRUDER       0         1        0  2026-11-28 15:04:00 +00:00

            """.ReplaceLineEndings("\n"),
            result.Out);
    }

    [Fact]
    public async Task List_passes_the_site_and_json_prints_the_document()
    {
        var result = await Abctl.RunAsync(new FakeHandler().On("/api/modalities?site=MAINHOSP", List), "modality", "list", "--site", "MAINHOSP", "--json");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("\"aeTitle\": \"INTRUDER\"", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_prints_one_modality_and_exits_1_when_it_is_not_configured()
    {
        var handler = new FakeHandler()
            .On("/api/modalities/CT01", """{"aeTitle":"CT01","site":"MAINHOSP","modality":"CT","characterSet":"ISO_IR 192","stationName":"CT SCANNER 1","worklistItems":1,"associations":4,"activeAssociations":1,"rejectedAssociations":0,"queries":4,"failedQueries":0,"cancelledQueries":0,"itemsReturned":3,"lastAssociationAt":"2026-11-28T15:02:11Z","lastQueryAt":"2026-11-28T15:02:11Z","lastQueryItems":1,"lastQueryMilliseconds":0.412}""")
            .On("/api/modalities/ct01", """{"error":"modality ct01 is not configured (AE titles are case-sensitive)"}""", HttpStatusCode.NotFound);

        var show = await Abctl.RunAsync(handler, "modality", "show", "CT01");
        var missing = await Abctl.RunAsync(handler, "modality", "show", "ct01");

        Assert.Equal(0, show.ExitCode);
        Assert.Contains("Associations:      4 (1 open)", show.Out, StringComparison.Ordinal);
        Assert.Contains("Character set:     ISO_IR 192", show.Out, StringComparison.Ordinal);
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("ct01", missing.Error, StringComparison.Ordinal);
    }
}
