using System.Text.Json;

namespace ActorBroker.Interop.Tests.Harness;

/// <summary>
/// The order samples in the order they are meant to be sent (Samples/README.md), with what the
/// broker must show after each one. Each check first waits until the message has been applied
/// (the AA means "journaled in the inbound log"; the order follows a moment later), then asserts.
/// </summary>
internal static class OrderSampleFlow
{
    public static readonly IReadOnlyList<(string File, string ControlId)> Messages =
    [
        ("orm-o01-new-ct.hl7", "MSG000001"),
        ("orm-o01-new-mr-latin1.hl7", "MSG000002"),
        ("orm-o01-change-time.hl7", "MSG000003"),
        ("orm-o01-cancel.hl7", "MSG000004"),
        ("omi-o23-two-steps.hl7", "MSG000005"),
    ];

    public static Task VerifyAfterAsync(BrokerApi api, string file) => file switch
    {
        "orm-o01-new-ct.hl7" => NewCtAsync(api),
        "orm-o01-new-mr-latin1.hl7" => NewMrLatin1Async(api),
        "orm-o01-change-time.hl7" => ChangeTimeAsync(api),
        "orm-o01-cancel.hl7" => CancelAsync(api),
        "omi-o23-two-steps.hl7" => TwoStepsAsync(api),
        _ => throw new ArgumentOutOfRangeException(nameof(file), file, "not an order sample"),
    };

    /// <summary>After the whole flow: the read model (orders list) agrees, with accents intact.</summary>
    public static async Task VerifyOrderListAsync(BrokerApi api)
    {
        var list = await Eventually.MatchesAsync(
            () => api.OrdersAsync(),
            l => SampleOrders(l).Count == 3 && SampleOrders(l).Any(o => o.Str("accession") == "ACC20002" && o.State() == "Cancelled")
                 && SampleOrders(l).Any(o => o.Str("accession") == "ACC20001" && o.Str("scheduledStart") == "2026-11-28T10:30:00-06:00"),
            l => "ACC20001 (10:30), ACC20002 (Cancelled), ACC30001 in /api/orders; got " + l.GetRawText());
        var samples = SampleOrders(list);
        Assert.Equal(["ACC20001", "ACC20002", "ACC30001"], samples.Select(o => o.Str("accession")!).Order(StringComparer.Ordinal)); // each once
        var byAccession = samples.ToDictionary(o => o.Str("accession")!, StringComparer.Ordinal);
        Assert.StartsWith("NÚÑEZ^JOSÉ^ANTONIO", byAccession["ACC20001"].Str("patientName"), StringComparison.Ordinal);
        Assert.Equal("MÜLLER^JOÃO", byAccession["ACC20002"].Str("patientName"));
        Assert.Equal("ØSTERGÅRD^LÆRKE", byAccession["ACC30001"].Str("patientName"));
        Assert.Equal("NORTHCLINIC", byAccession["ACC30001"].Str("site"));
    }

    // The sample orders among whatever else the class's other tests placed on the same broker.
    private static List<JsonElement> SampleOrders(JsonElement list) =>
        list.Array("orders").Where(o => o.Str("accession") is { } a && a.StartsWith("ACC", StringComparison.Ordinal)).ToList();

    private static async Task NewCtAsync(BrokerApi api)
    {
        var o = await api.WaitForOrderAsync("ACC20001", "MAINHOSP", o => o.EventTypes().Count >= 1, "placed (one event)");
        Assert.Equal(["OrderPlaced"], o.EventTypes());
        Assert.Equal("MSG000001", o.Array("events")[0].Str("messageControlId"));
        Assert.Equal("Scheduled", o.State());
        Assert.Equal("MAINHOSP", o.Str("site"));
        Assert.Equal("CT", o.Str("modality"));
        Assert.Equal("E1000001", o.Str("patient", "patientId"));
        Assert.Equal("EPI", o.Str("patient", "issuer"));
        Assert.Contains(o.GetProperty("patient").Array("otherPatientIds"), p => p.Str("id") == "88231" && p.Str("issuer") == "NORTHCLINIC");
        Assert.StartsWith("NÚÑEZ^JOSÉ^ANTONIO", o.Str("patient", "name"), StringComparison.Ordinal);
        Assert.Equal("1.2.840.114350.2.277.2.798268.2.20001.1", o.Str("studyInstanceUid"));
        Assert.Equal("Headache, rule out bleed", o.Str("reasonForRequest"));
        var step = Assert.Single(o.Array("scheduledSteps"));
        Assert.Equal("2026-11-28T09:30:00-06:00", step.Str("start"));
        Assert.Equal("CT01", step.Str("stationAeTitle"));
        Assert.Single(o.Array("worklistItems"));
    }

    private static async Task NewMrLatin1Async(BrokerApi api)
    {
        var o = await api.WaitForOrderAsync("ACC20002", "MAINHOSP", o => o.EventTypes().Count >= 1, "placed (one event)");
        Assert.Equal(["OrderPlaced"], o.EventTypes());
        Assert.Equal("Scheduled", o.State());
        Assert.Equal("MR", o.Str("modality"));
        Assert.Equal("STAT", o.Str("priority"));
        Assert.Equal("MÜLLER^JOÃO", o.Str("patient", "name"));
        Assert.Equal("O'BRIEN^SEÁN", o.Str("referringPhysician"));
        Assert.Contains("claustrophobic & needs sedation", o.Str("comments") ?? "", StringComparison.Ordinal);
        var step = Assert.Single(o.Array("scheduledSteps"));
        Assert.Equal("2026-11-28T14:00:00-06:00", step.Str("start"));
        Assert.Equal("MR01", step.Str("stationAeTitle"));
    }

    private static async Task ChangeTimeAsync(BrokerApi api)
    {
        var o = await api.WaitForOrderAsync("ACC20001", "MAINHOSP", o => o.EventTypes().Count >= 2, "changed (two events)");
        Assert.Equal(["OrderPlaced", "OrderChanged"], o.EventTypes());
        Assert.Equal("MSG000003", o.Array("events")[1].Str("messageControlId"));
        Assert.Equal("Scheduled", o.State());
        var step = Assert.Single(o.Array("scheduledSteps"));
        Assert.Equal("2026-11-28T10:30:00-06:00", step.Str("start"));
        var item = Assert.Single(o.Array("worklistItems"));
        Assert.Equal(("20261128", "103000", "-0600"), (item.Str("startDate"), item.Str("startTime"), item.Str("timezoneOffset")));
        Assert.StartsWith("NÚÑEZ^JOSÉ^ANTONIO", item.Str("patientName"), StringComparison.Ordinal);
    }

    private static async Task CancelAsync(BrokerApi api)
    {
        var o = await api.WaitForOrderAsync("ACC20002", "MAINHOSP", o => o.EventTypes().Count >= 2, "cancelled (two events)");
        Assert.Equal(["OrderPlaced", "OrderCancelled"], o.EventTypes());
        Assert.Equal("Cancelled", o.State());
        Assert.Empty(o.Array("worklistItems"));
        Assert.Equal("MÜLLER^JOÃO", o.Str("patient", "name"));
    }

    private static async Task TwoStepsAsync(BrokerApi api)
    {
        var o = await api.WaitForOrderAsync("ACC30001", "NORTHCLINIC", o => o.EventTypes().Count >= 1, "placed (one event)");
        Assert.Equal(["OrderPlaced"], o.EventTypes());
        Assert.Equal("NORTHCLINIC", o.Str("site"));
        Assert.Equal("Scheduled", o.State());
        Assert.Equal("ØSTERGÅRD^LÆRKE", o.Str("patient", "name"));
        var steps = o.Array("scheduledSteps");
        Assert.Equal(["SPS30001A", "SPS30001B"], steps.Select(s => s.Str("spsId")));
        Assert.All(steps, s => Assert.Equal(("NCUS02", "2026-11-28T11:00:00+01:00"), (s.Str("stationAeTitle"), s.Str("start"))));
        Assert.Equal(2, o.Array("worklistItems").Count);
    }
}
