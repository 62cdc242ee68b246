using System.Globalization;
using System.Text.Json;
using ActorBroker.Hl7;
using ActorBroker.Hl7.Mllp;
using ActorBroker.Interop.Tests.Harness;

namespace ActorBroker.Interop.Tests;

/// <summary>
/// Issue 4 against real peers: Node's dcmjs-dimse as the modality (MPPS N-CREATE / N-SET, each step on its own
/// association like a real scanner), node-hl7-server (or a plain MLLP receiver) as the EHR, dcmjs-dimse's SCP as the
/// PACS. The broker runs as its own process; what the EHR receives, and what the management API (abctl) shows, is
/// what is checked.
/// </summary>
public sealed class MppsInteropTests : BrokerScenario
{

    [SkippableFact]
    public async Task In_progress_then_completed_reaches_the_EHR_the_order_the_study_and_the_worklist()
    {
        MppsScu.Require();
        var ehr = Own(await Hl7Receiver.StartAsync());
        var broker = await StartBrokerAsync(ehr.Port);
        var order = OrderMessageFactory.New(OrderMessageFactory.NewRunTag(), 1, 1);
        await PlaceAsync(broker, order);

        var run = await MppsScu.RunAsync(broker.Dicom!, "ACTORBROKER", "CT01", "create,completed", "--accession", order.Accession, "--study-uid", order.StudyUid, "--patient-name", "NÚÑEZ^JOSÉ", "--images", "3");
        Assert.True(run.Statuses.SequenceEqual([0, 0]), run.Transcript);

        var got = await ehr.WaitForAsync(m => StatusesFor(m, order.Accession).SequenceEqual(["IP", "CM"]), Within, $"IP then CM for {order.Accession}");
        var cm = got.Last(m => m.OrderStatus == "CM");
        Assert.Equal("ORM^O01", cm.Field("MSH", 9).Split('^').Take(2).Aggregate((a, b) => a + "^" + b));
        Assert.Equal("SC", cm.Field("ORC", 1));
        Assert.StartsWith(order.Placer, cm.Field("ORC", 2), StringComparison.Ordinal);
        Assert.Contains(order.Accession, cm.Text, StringComparison.Ordinal);
        Assert.Contains("NÚÑEZ", cm.Text, StringComparison.Ordinal);

        using var api = new BrokerApi(broker.ManagementEndpoint);
        var completed = await api.WaitForOrderAsync(order.Accession, "MAINHOSP", o => o.GetProperty("state").GetString() == "Completed", "order Completed");
        // The worklist follows: a completed exam is no longer offered to the scanner (worklist-states = [Scheduled]).
        Assert.Empty(completed.GetProperty("worklistItems").EnumerateArray());
        Assert.Equal("COMPLETED", Assert.Single(completed.GetProperty("performedSteps").EnumerateArray()).GetProperty("status").GetString());
        var study = await Eventually.MatchesAsync(
            () => api.GetOrNullAsync("api/studies/" + order.StudyUid),
            s => s is { } j && j.GetProperty("mpps").EnumerateArray().Any(m => m.GetProperty("status").GetString() == "COMPLETED"),
            s => "study: " + s);
        var mpps = Assert.Single(study!.Value.GetProperty("mpps").EnumerateArray());
        Assert.Equal(run.MppsUid, mpps.GetProperty("uid").GetString());
        Assert.Equal(3, study.Value.GetProperty("series").EnumerateArray().Sum(s => s.GetProperty("images").GetInt32()));
        var fulfils = Assert.Single(study.Value.GetProperty("orders").EnumerateArray());
        Assert.Equal("Completed", fulfils.GetProperty("state").GetString());

        // abctl shows the same, and the outbound interface is drained.
        var (exit, text) = await AbctlAsync(broker, "study", "show", order.StudyUid);
        Assert.True(exit == 0, text);
        Assert.Contains("COMPLETED", text, StringComparison.Ordinal);
        Assert.Contains("Completed", text, StringComparison.Ordinal); // the ORDERS section: the order entity's own state
        var ehrInterface = await Eventually.MatchesAsync(() => api.InterfaceAsync("ehr"), i => i.GetProperty("queueDepth").GetInt32() == 0 && i.GetProperty("delivered").GetInt64() >= 2, i => "ehr: " + i);
        Assert.True(ehrInterface.GetProperty("connected").GetBoolean());
    }

    [SkippableFact]
    public async Task An_MPPS_before_its_order_is_kept_raised_and_applied_when_the_order_arrives()
    {
        MppsScu.Require();
        var ehr = Own(await Hl7Receiver.StartAsync("--raw"));
        var broker = await StartBrokerAsync(ehr.Port);
        var order = OrderMessageFactory.New(OrderMessageFactory.NewRunTag(), 9, 1);

        // The scanner starts (unscheduled, or the NW is late): the modality still gets success.
        var run = await MppsScu.RunAsync(broker.Dicom!, "ACTORBROKER", "CT01", "create", "--accession", order.Accession, "--study-uid", order.StudyUid);
        Assert.True(run.Statuses.SequenceEqual([0]), run.Transcript);
        using var api = new BrokerApi(broker.ManagementEndpoint);
        await api.WaitForExceptionAsync(
            s => s.GetProperty("source").GetString() == "dicom:mpps" && (s.GetProperty("reason").GetString() ?? "").Contains(order.Accession, StringComparison.Ordinal),
            d => d.GetProperty("rawLength").GetInt32() > 0,
            "the early MPPS raised with its dataset");
        Assert.Empty(ehr.Messages);

        // The NW arrives: the kept step applies, and the EHR hears IP.
        await PlaceAsync(broker, order);
        await ehr.WaitForAsync(m => StatusesFor(m, order.Accession).SequenceEqual(["IP"]), Within, "IP after the late order");
        await api.WaitForOrderAsync(order.Accession, "MAINHOSP", o => o.GetProperty("state").GetString() == "InProgress", "order InProgress");
    }

    [SkippableFact]
    public async Task Negative_cases_get_the_PS34_statuses_and_are_kept()
    {
        MppsScu.Require();
        var ehr = Own(await Hl7Receiver.StartAsync("--raw"));
        var broker = await StartBrokerAsync(ehr.Port);
        var order = OrderMessageFactory.New(OrderMessageFactory.NewRunTag(), 2, 1);
        await PlaceAsync(broker, order);
        var common = new[] { "--accession", order.Accession, "--study-uid", order.StudyUid };

        var first = await MppsScu.RunAsync(broker.Dicom!, "ACTORBROKER", "CT01", "create,completed,completed", common);
        Assert.True(first.Statuses.SequenceEqual([0x0000, 0x0000, 0x0110]), "update after final -> 0110: " + first.Transcript);
        Assert.Contains("no longer be updated", first.Responses[2].Comment, StringComparison.OrdinalIgnoreCase); // Error ID A710 travels in (0000,0903)

        var duplicate = await MppsScu.RunAsync(broker.Dicom!, "ACTORBROKER", "CT01", "create", [.. common, "--mpps-uid", first.MppsUid]);
        Assert.True(duplicate.Statuses.SequenceEqual([0x0111]), "duplicate create -> 0111: " + duplicate.Transcript);

        var unknown = await MppsScu.RunAsync(broker.Dicom!, "ACTORBROKER", "CT01", "completed", [.. common, "--mpps-uid", "2.25.1234567"]);
        Assert.True(unknown.Statuses.SequenceEqual([0x0112]), "unknown instance -> 0112: " + unknown.Transcript);

        var missing = await MppsScu.RunAsync(broker.Dicom!, "ACTORBROKER", "CT01", "create", [.. common, "--omit", "Modality,PerformedStationAETitle"]);
        Assert.True(missing.Statuses.Count == 1 && missing.Statuses[0] is 0x0120 or 0x0121, "missing Type 1 -> 0120: " + missing.Transcript);

        // A SOP class the broker does not offer on this association: refused, never a silent success.
        var wrongClass = await MppsScu.RunAsync(broker.Dicom!, "ACTORBROKER", "CT01", "create", [.. common, "--sop-class", "1.2.840.10008.3.1.2.3.4"]);
        Assert.True(wrongClass.AssociationRejected || wrongClass.Statuses.All(s => s != 0), "wrong SOP class must not succeed: " + wrongClass.Transcript);

        // The refused requests are kept with their dataset.
        using var api = new BrokerApi(broker.ManagementEndpoint);
        await api.WaitForExceptionAsync(
            s => s.GetProperty("source").GetString() == "dicom:mpps" && (s.GetProperty("reason").GetString() ?? "").Contains("0120", StringComparison.Ordinal),
            d => d.GetProperty("rawLength").GetInt32() > 0,
            "the missing-attribute N-CREATE kept in the exception store");
    }

    [SkippableFact]
    public async Task Ehr_down_then_back_and_a_broker_killed_with_a_full_outbox_deliver_everything_in_order()
    {
        MppsScu.Require();
        var ehr = Own(await Hl7Receiver.StartAsync());
        var broker = await StartBrokerAsync(ehr.Port);
        using (var api = new BrokerApi(broker.ManagementEndpoint))
        {
            await Eventually.MatchesAsync(() => api.InterfaceAsync("ehr"), i => i.GetProperty("connected").GetBoolean(), i => "ehr outbox: " + i);
        }

        // The EHR goes down before the exams start. Stopped only now, once the broker's own listeners (port 0) are
        // bound: stopped before the broker started, its freed port could be handed to one of them, and the outbox
        // then "connected" to the broker itself.
        await ehr.StopProcessAsync();
        var run = OrderMessageFactory.NewRunTag();
        var orders = Enumerable.Range(1, 4).Select(i => OrderMessageFactory.New(run, 3, i)).ToList();
        foreach (var o in orders)
        {
            await PlaceAsync(broker, o);
        }

        foreach (var o in orders)
        {
            var r = await MppsScu.RunAsync(broker.Dicom!, "ACTORBROKER", "CT01", "create,completed", "--accession", o.Accession, "--study-uid", o.StudyUid);
            Assert.True(r.Statuses.SequenceEqual([0, 0]), r.Transcript);
        }

        using (var api = new BrokerApi(broker.ManagementEndpoint))
        {
            var waiting = await Eventually.MatchesAsync(() => api.InterfaceAsync("ehr"), i => i.GetProperty("queueDepth").GetInt32() == 8, i => "ehr outbox: " + i);
            Assert.False(waiting.GetProperty("connected").GetBoolean());
            Assert.Equal(8, waiting.GetProperty("totalMessages").GetInt32());
        }

        // kill -9 with eight messages waiting, then the EHR comes back, then the broker.
        broker.Kill();
        await broker.DisposeAsync();
        Disown(broker);
        await ehr.StartProcessAsync();
        await StartBrokerAsync(ehr.Port);

        var got = await ehr.WaitForAsync(m => orders.All(o => StatusesFor(m, o.Accession).Distinct().Count() == 2), TimeSpan.FromSeconds(90), "IP and CM for every order");
        foreach (var o in orders)
        {
            // In order per order: the first status an order's EHR message carried is IP, CM comes after it.
            var statuses = StatusesFor(got, o.Accession);
            Assert.Equal("IP", statuses[0]);
            Assert.True(statuses.IndexOf("CM") > statuses.IndexOf("IP"), string.Join(",", statuses));
        }
    }

    [SkippableFact]
    public async Task A_receiver_answering_AE_for_one_order_parks_only_that_order_until_an_operator_retries()
    {
        MppsScu.Require();
        var run = OrderMessageFactory.NewRunTag();
        var poisoned = OrderMessageFactory.New(run, 4, 1);
        var healthy = OrderMessageFactory.New(run, 4, 2);
        var ehr = Own(await Hl7Receiver.StartAsync("--raw", "--ae-if", poisoned.Accession, "--ae-count", "1"));
        var broker = await StartBrokerAsync(ehr.Port);
        await PlaceAsync(broker, poisoned);
        await PlaceAsync(broker, healthy);

        foreach (var o in new[] { poisoned, healthy })
        {
            var r = await MppsScu.RunAsync(broker.Dicom!, "ACTORBROKER", "CT01", "create,completed", "--accession", o.Accession, "--study-uid", o.StudyUid);
            Assert.True(r.Statuses.SequenceEqual([0, 0]), r.Transcript);
        }

        // The healthy order flows past the poisoned one.
        await ehr.WaitForAsync(m => StatusesFor(m, healthy.Accession).SequenceEqual(["IP", "CM"]), Within, "IP, CM for the healthy order");
        using var api = new BrokerApi(broker.ManagementEndpoint);
        var parked = await Eventually.MatchesAsync(() => api.InterfaceAsync("ehr"), i => i.GetProperty("parked").GetInt32() == 1, i => "ehr: " + i);
        var message = parked.GetProperty("messages").EnumerateArray().Single(m => m.GetProperty("state").GetString() == "parked");
        Assert.EndsWith(poisoned.Accession, message.GetProperty("order").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(ehr.Messages, m => m.Ack == "AA" && m.Text.Contains(poisoned.Accession, StringComparison.Ordinal) && m.OrderStatus == "CM");

        // The operator retries it (abctl interface retry): IP is accepted this time, then CM follows.
        var (exit, text) = await AbctlAsync(broker, "interface", "retry", "ehr", message.GetProperty("id").GetString()!);
        Assert.True(exit == 0, text);
        await ehr.WaitForAsync(m => m.Any(x => x.Ack == "AA" && x.OrderStatus == "CM" && x.Text.Contains(poisoned.Accession, StringComparison.Ordinal)), Within, "the poisoned order's CM after the retry");
    }

    [SkippableFact]
    public async Task Mpps_is_forwarded_to_the_PACS()
    {
        MppsScu.Require();
        var pacs = Own(await MppsScp.StartAsync("PACS"));
        var ehr = Own(await Hl7Receiver.StartAsync("--raw"));
        var broker = await StartBrokerAsync(
            ehr.Port,
            "actor-broker.dicom.forward-mpps-to.ae-title = PACS",
            "actor-broker.dicom.forward-mpps-to.host = \"127.0.0.1\"",
            $"actor-broker.dicom.forward-mpps-to.port = {pacs.Port.ToString(CultureInfo.InvariantCulture)}");
        var order = OrderMessageFactory.New(OrderMessageFactory.NewRunTag(), 5, 1);
        await PlaceAsync(broker, order);
        var r = await MppsScu.RunAsync(broker.Dicom!, "ACTORBROKER", "CT01", "create,completed", "--accession", order.Accession, "--study-uid", order.StudyUid);
        Assert.True(r.Statuses.SequenceEqual([0, 0]), r.Transcript);

        var events = await pacs.WaitForAsync(e => e.Count >= 2, Within, "N-CREATE and N-SET at the PACS");
        Assert.Equal(["ncreate", "nset"], events.Select(e => e.Kind));
        Assert.All(events, e => Assert.Equal((r.MppsUid, "0x0000", "ACTORBROKER"), (e.Uid, e.Result, e.Calling)));
        Assert.Equal(["IN PROGRESS", "COMPLETED"], events.Select(e => e.Status));
    }
}
