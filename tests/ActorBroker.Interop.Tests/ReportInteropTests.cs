using System.Globalization;
using ActorBroker.Interop.Tests.Harness;

namespace ActorBroker.Interop.Tests;

/// <summary>
/// Issue 5 against real peers: reports in by mllp_send (python3-hl7) and node-hl7-client (ORU^R01 P, F, C on the
/// reports listener) and by dcmtk storescu (a Basic Text SR); node-hl7-server as the EHR receiving ORU^R01 with the
/// status, the text (accents intact) and the image link; and the whole loop in one test: ORM in, worklist query
/// (findscu), MPPS in progress and completed (dcmjs-dimse), status to the EHR, report in, result to the EHR.
/// </summary>
public sealed class ReportInteropTests : BrokerScenario
{
    [SkippableFact]
    public async Task Preliminary_final_and_corrected_ORU_reach_the_EHR_with_status_text_and_image_link()
    {
        var mllpSend = MllpSend.Require();
        var ehr = Own(await Hl7Receiver.StartAsync());
        var broker = await StartBrokerAsync(ehr.Port);
        var order = OrderMessageFactory.New(OrderMessageFactory.NewRunTag(), 6, 1);
        await PlaceAsync(broker, order);

        var reports = broker.Endpoints["hl7:reports"];
        var versions = new[]
        {
            ("P", "Hallazgos preliminares: sin hemorragia."),
            ("F", "FINDINGS: No acute intracranial hemorrhage (señal normal)."),
            ("C", "ADDENDUM: small old lacune, right basal ganglia; Núñez informed."),
        };
        foreach (var (status, line) in versions)
        {
            var file = Path.Combine(DataDir, $"oru-{status}.hl7");
            Directory.CreateDirectory(DataDir);
            await File.WriteAllBytesAsync(file, ReportMessages.Oru(order, status, "ORU" + status + order.Accession, line, "IMPRESSION: see above."));
            var acks = await MllpSend.SendFileAsync(mllpSend, reports, file);
            Assert.True(acks[0].Ack.IsAccepted, $"ORU {status}: {acks[0].Code} {acks[0].Ack.Text}");
            // One at a time, as dictation systems do: the next version only after the EHR has this one.
            await ehr.WaitForAsync(m => Results(m, order.Accession).Any(r => r.Field("OBR", 25) == status), Within, $"ORU {status} at the EHR");
        }

        var results = Results(ehr.Messages, order.Accession);
        Assert.Equal(["P", "F", "C"], results.Select(r => r.Field("OBR", 25)));
        for (var i = 0; i < versions.Length; i++)
        {
            var r = results[i];
            Assert.StartsWith("ORU^R01", r.Field("MSH", 9), StringComparison.Ordinal);
            Assert.Contains(versions[i].Item2, r.Text, StringComparison.Ordinal); // accents intact
            Assert.StartsWith(order.Placer, r.Field("OBR", 2), StringComparison.Ordinal);
            // The image link: an OBX of value type RP carrying the viewer URL for this accession and study.
            var link = r.Segments.Single(s => s.StartsWith("OBX|", StringComparison.Ordinal) && s.Split('|')[2] == "RP");
            Assert.Contains("viewer.example.org/study?acc=" + order.Accession, link, StringComparison.Ordinal);
            Assert.Contains(order.StudyUid, link, StringComparison.Ordinal);
        }

        var (exit, text) = await AbctlAsync(broker, "order", "show", order.Accession, "--site", "MAINHOSP");
        Assert.True(exit == 0, text);
        Assert.Contains("ReportedCorrected", text, StringComparison.Ordinal);
        Assert.Contains("REPORTS", text, StringComparison.Ordinal);
        Assert.Contains("ADDENDUM: small old lacune", text, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task A_basic_text_SR_stored_by_storescu_becomes_a_preliminary_result_at_the_EHR()
    {
        var dump2dcm = Peers.RequireTool("dump2dcm", "dcmtk");
        var storescu = Peers.RequireTool("storescu", "dcmtk");
        var ehr = Own(await Hl7Receiver.StartAsync("--raw"));
        var broker = await StartBrokerAsync(ehr.Port);
        var order = OrderMessageFactory.New(OrderMessageFactory.NewRunTag(), 7, 1);
        await PlaceAsync(broker, order);

        Directory.CreateDirectory(DataDir);
        var file = Path.Combine(DataDir, "report-sr.dcm");
        await ReportMessages.WriteSrAsync(dump2dcm, file, order, "Sin hallazgos agudos. No acute findings.", "Normal CT head (señal normal).");
        var store = await PeerProcess.RunAsync(storescu, ["-aet", "CT01", "-aec", "ACTORBROKER", "127.0.0.1", broker.Dicom!.Port.ToString(CultureInfo.InvariantCulture), file]);
        Assert.True(store.ExitCode == 0, "storescu: " + store);

        var got = await ehr.WaitForAsync(m => Results(m, order.Accession).Count > 0, Within, "ORU from the SR");
        var oru = Results(got, order.Accession).First();
        Assert.Equal("P", oru.Field("OBR", 25)); // COMPLETE but UNVERIFIED is not final
        Assert.Contains("Sin hallazgos agudos. No acute findings.", oru.Text, StringComparison.Ordinal);
        Assert.Contains("Normal CT head (señal normal).", oru.Text, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task The_whole_loop_order_worklist_mpps_status_report_result()
    {
        var findscu = Peers.RequireTool("findscu", "dcmtk");
        var node = NodeHl7Send.Require();
        MppsScu.Require();
        var ehr = Own(await Hl7Receiver.StartAsync());
        var broker = await StartBrokerAsync(ehr.Port);
        var order = OrderMessageFactory.New(OrderMessageFactory.NewRunTag(), 8, 1);
        Directory.CreateDirectory(DataDir);

        // 1. The EHR places the order (node-hl7-client).
        var orderFile = Path.Combine(DataDir, "orm.hl7");
        await File.WriteAllBytesAsync(orderFile, order.Bytes);
        var (_, ack) = await NodeHl7Send.SendFileAsync(node, broker.Hl7Orders, orderFile);
        Assert.True(ack.Ack.IsAccepted, ack.Text);

        // 2. The scanner queries its worklist (findscu) and finds it.
        var port = broker.Dicom!.Port.ToString(CultureInfo.InvariantCulture);
        var query = Path.Combine(DataDir, "q.dump");
        await File.WriteAllTextAsync(query, $"(0008,0005) CS [ISO_IR 192]\n(0008,0050) SH [{order.Accession}]\n(0010,0010) PN\n(0020,000d) UI\n(0040,0100) SQ\n(fffe,e000) -\n(0008,0060) CS [CT]\n(0040,0001) AE\n(0040,0009) SH\n(fffe,e00d) -\n(fffe,e0dd) -\n");
        var dump2dcm = Peers.RequireTool("dump2dcm", "dcmtk");
        var queryDcm = query + ".dcm";
        Assert.Equal(0, (await PeerProcess.RunAsync(dump2dcm, ["-q", query, queryDcm])).ExitCode);
        await Eventually.MatchesAsync(
            () => PeerProcess.RunAsync(findscu, ["-W", "-aet", "CT01", "-aec", "ACTORBROKER", "127.0.0.1", port, queryDcm], timeout: TimeSpan.FromSeconds(30)),
            r => r.StdoutText.Contains(order.Accession, StringComparison.Ordinal) || r.Stderr.Contains(order.Accession, StringComparison.Ordinal),
            r => "findscu: " + r);

        // 3. The exam: MPPS in progress then completed (dcmjs-dimse); the EHR hears IP then CM.
        var mpps = await MppsScu.RunAsync(broker.Dicom!, "ACTORBROKER", "CT01", "create,completed", "--accession", order.Accession, "--study-uid", order.StudyUid);
        Assert.True(mpps.Statuses.SequenceEqual([0, 0]), mpps.Transcript);
        await ehr.WaitForAsync(m => StatusesFor(m, order.Accession).SequenceEqual(["IP", "CM"]), Within, "IP then CM");

        // 4. The radiologist signs: ORU final on the reports listener (node-hl7-client); the EHR gets the result with the link.
        var oruFile = Path.Combine(DataDir, "oru.hl7");
        await File.WriteAllBytesAsync(oruFile, ReportMessages.Oru(order, "F", "ORUF" + order.Accession, "FINDINGS: Normal study.", "IMPRESSION: No acute findings."));
        var (_, oruAck) = await NodeHl7Send.SendFileAsync(node, broker.Endpoints["hl7:reports"], oruFile);
        Assert.True(oruAck.Ack.IsAccepted, oruAck.Text);
        var got = await ehr.WaitForAsync(m => Results(m, order.Accession).Any(r => r.Field("OBR", 25) == "F"), Within, "the final result");
        var result = Results(got, order.Accession).Single(r => r.Field("OBR", 25) == "F");
        Assert.Contains("FINDINGS: Normal study.", result.Text, StringComparison.Ordinal);
        Assert.Contains(order.StudyUid, result.Text, StringComparison.Ordinal); // the image link names the study

        using var api = new BrokerApi(broker.ManagementEndpoint);
        await api.WaitForOrderAsync(order.Accession, "MAINHOSP", o => o.GetProperty("state").GetString() == "ReportedFinal", "order ReportedFinal");
    }

    private static List<ReceivedHl7> Results(IReadOnlyList<ReceivedHl7> messages, string accession) =>
        [.. messages.Where(m => m.Type.StartsWith("ORU", StringComparison.Ordinal) && m.Ack == "AA" && m.Text.Contains(accession, StringComparison.Ordinal)).DistinctBy(m => m.ControlId)];
}
