using System.Net.Http.Json;
using System.Text.Json;
using ActorBroker.Cli;
using ActorBroker.Dicom.CharacterSets;
using ActorBroker.Dicom.Data;
using ActorBroker.Dicom.Dimse;
using ActorBroker.Dicom.Network;
using ActorBroker.Dicom.Network.Negotiation;
using ActorBroker.Dicom.Network.Pdus;
using ActorBroker.Hl7;
using ActorBroker.Hl7.Mllp;

namespace ActorBroker.Host.Tests;

/// <summary>
/// The whole broker in-process: HL7 orders over MLLP, then the Modality Worklist over DICOM with our own
/// DicomClient, as each configured modality sees it; counters through the management API and abctl.
/// </summary>
public sealed class WorklistTests : IAsyncLifetime
{
    private InProcessBroker _broker = null!;

    public async Task InitializeAsync() => _broker = await InProcessBroker.StartAsync(
        null,
        // Two more MAINHOSP stations of modalities no sample orders, so the CT/MR station assignment is unchanged:
        // one that only understands Latin-1, one that only understands ASCII.
        "actor-broker.sites.MAINHOSP.modalities.XALAT1 { modality = XA, character-set = \"ISO_IR 100\" }",
        "actor-broker.sites.MAINHOSP.modalities.DXASCII { modality = DX, character-set = \"ISO_IR 6\" }");

    public async Task DisposeAsync() => await _broker.DisposeAsync();

    [Fact]
    public async Task Orders_appear_for_their_modality_station_and_date_in_each_stations_character_set()
    {
        foreach (var name in new[] { "orm-o01-new-ct.hl7", "orm-o01-new-mr-latin1.hl7", "omi-o23-two-steps.hl7" })
        {
            var ack = await SendAsync(name);
            Assert.True(ack.AckCode == AckCode.AA, $"{name}: {ack.AckCode} {ack.Text}");
        }

        // CT01 asks for CT on the 28th: the CT order, as the sample says, in UTF-8.
        var (ct, status) = await EventuallyAsync("CT01", Query(modality: "CT", date: "20261128"), 1);
        Assert.Equal(DicomStatus.Success, status);
        var item = Assert.Single(ct);
        Assert.Equal("ISO_IR 192", item.GetString(DicomTags.SpecificCharacterSet));
        Assert.Equal("ACC20001", item.GetString(DicomTags.AccessionNumber));
        Assert.Equal("NÚÑEZ^JOSÉ^ANTONIO^SR.", item.GetString(DicomTags.PatientName));
        Assert.Equal("E1000001", item.GetString(DicomTags.PatientID));
        Assert.Equal("-0600", item.GetString(DicomTags.TimezoneOffsetFromUTC));
        var sps = Assert.Single(item.GetSequence(DicomTags.ScheduledProcedureStepSequence));
        Assert.Equal(("CT", "CT01", "20261128", "093000"), (sps.GetString(DicomTags.Modality), sps.GetString(DicomTags.ScheduledStationAETitle), sps.GetString(DicomTags.ScheduledProcedureStepStartDate), sps.GetString(DicomTags.ScheduledProcedureStepStartTime)));

        // Another date, another modality, another station: nothing.
        Assert.Empty((await FindAsync("CT01", Query(modality: "CT", date: "20261129"))).Items);
        Assert.Empty((await FindAsync("CT01", Query(station: "MR01", modality: "CT"))).Items);

        // A station sees its own site's worklist only: MAINHOSP's two orders, not NORTHCLINIC's steps.
        var (all, _) = await EventuallyAsync("MR01", Query(), 2);
        Assert.Equal(["ACC20001", "ACC20002"], all.Select(i => i.GetString(DicomTags.AccessionNumber)).Order(StringComparer.Ordinal));
        var (north, _) = await EventuallyAsync("NCUS02", Query(modality: "US"), 2);
        Assert.All(north, i => Assert.Equal("ACC30001", i.GetString(DicomTags.AccessionNumber)));

        // Names are case- and accent-insensitive by default.
        Assert.Equal("ACC20002", Assert.Single((await FindAsync("MR01", Query(name: "muller*"))).Items).GetString(DicomTags.AccessionNumber));

        // A Latin-1 scanner gets ISO_IR 100 with the accents intact; an ASCII one gets them transliterated.
        var latin = Assert.Single((await FindAsync("XALAT1", Query(modality: "CT"))).Items);
        Assert.Equal("ISO_IR 100", latin.GetString(DicomTags.SpecificCharacterSet));
        Assert.Equal("NÚÑEZ^JOSÉ^ANTONIO^SR.", latin.GetString(DicomTags.PatientName));
        var ascii = Assert.Single((await FindAsync("DXASCII", Query(modality: "CT"))).Items);
        Assert.False(ascii.Contains(DicomTags.SpecificCharacterSet));
        Assert.Equal("NUNEZ^JOSE^ANTONIO^SR.", ascii.GetString(DicomTags.PatientName));

        // A cancel takes the order off the worklist.
        Assert.Equal(AckCode.AA, (await SendAsync("orm-o01-cancel.hl7")).AckCode);
        await EventuallyAsync("MR01", Query(), 1);

        // The station's counters, through the API and abctl.
        using var http = new HttpClient { BaseAddress = new Uri($"http://{_broker.Management}") };
        var ct01 = await http.GetFromJsonAsync<JsonElement>("/api/modalities/CT01");
        Assert.True(ct01.GetProperty("queries").GetInt64() >= 3);
        Assert.True(ct01.GetProperty("itemsReturned").GetInt64() >= 1);
        Assert.Equal(1, ct01.GetProperty("worklistItems").GetInt32());
        Assert.Equal(0, ct01.GetProperty("activeAssociations").GetInt32());
        var list = await http.GetFromJsonAsync<JsonElement>("/api/modalities");
        for (var deadline = DateTime.UtcNow.AddSeconds(15); list.GetProperty("worklist").GetProperty("status").GetString() != "ready" && DateTime.UtcNow < deadline;)
        {
            // The rebuild ends when the journal's catch-up query does (a poll interval or two after start).
            await Task.Delay(50);
            list = await http.GetFromJsonAsync<JsonElement>("/api/modalities");
        }

        Assert.Equal("ready", list.GetProperty("worklist").GetProperty("status").GetString());
        Assert.Equal(5, list.GetProperty("modalities").GetArrayLength());
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await http.GetAsync("/api/modalities/NOSUCH")).StatusCode);

        var (exit, show) = await AbctlAsync("modality", "show", "CT01");
        Assert.Equal(0, exit);
        Assert.Contains("CT01", show, StringComparison.Ordinal);
        var (listExit, json) = await AbctlAsync("modality", "list", "--json");
        Assert.Equal(0, listExit);
        Assert.Contains("\"aeTitle\": \"XALAT1\"", json, StringComparison.Ordinal);
        Assert.Equal(1, (await AbctlAsync("modality", "show", "NOSUCH")).Exit);
    }

    [Fact]
    public async Task Echo_works_and_an_unknown_calling_AE_or_a_wrong_called_AE_is_refused()
    {
        await using (var client = await ConnectAsync("CT01"))
        {
            Assert.Equal(DicomStatus.Success, (await client.CEchoAsync()).Status);
            await client.ReleaseAsync();
        }

        var unknown = await Assert.ThrowsAsync<DicomAssociationRejectedException>(() => ConnectAsync("INTRUDER"));
        Assert.Equal(AssociateRejectReason.ServiceUser.CallingAETitleNotRecognized, unknown.Reason);
        var wrongCalled = await Assert.ThrowsAsync<DicomAssociationRejectedException>(() => ConnectAsync("CT01", "NOT_THE_BROKER"));
        Assert.Equal(AssociateRejectReason.ServiceUser.CalledAETitleNotRecognized, wrongCalled.Reason);

        using var http = new HttpClient { BaseAddress = new Uri($"http://{_broker.Management}") };
        var deadline = DateTime.UtcNow.AddSeconds(10);
        JsonElement list;
        do
        {
            // The counters arrive by Tell after the reject is sent: probe until they are there.
            list = await http.GetFromJsonAsync<JsonElement>("/api/modalities");
        }
        while (list.GetProperty("unknownCallers").GetArrayLength() == 0 && DateTime.UtcNow < deadline);

        var intruder = Assert.Single(list.GetProperty("unknownCallers").EnumerateArray());
        Assert.Equal(("INTRUDER", 1), (intruder.GetProperty("aeTitle").GetString(), intruder.GetProperty("rejected").GetInt32()));
        var ct01 = list.GetProperty("modalities").EnumerateArray().Single(m => m.GetProperty("aeTitle").GetString() == "CT01");
        Assert.Equal(1, ct01.GetProperty("rejectedAssociations").GetInt32());
        Assert.Equal("listening", (await http.GetFromJsonAsync<JsonElement>("/api/health")).GetProperty("components").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "dicom").GetProperty("status").GetString());
    }

    [Fact]
    public async Task An_unparsable_identifier_gets_a_failure_status_naming_the_key()
    {
        var (items, status) = await FindAsync("CT01", Query(date: "2026-11-28"));
        Assert.Empty(items);
        Assert.Equal(DicomStatus.IdentifierDoesNotMatchSOPClass, status);
    }

    private async Task<Hl7Ack> SendAsync(string sample)
    {
        var bytes = await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "Samples", sample));
        await using var client = await MllpClient.ConnectAsync("127.0.0.1", _broker.Hl7Orders.Port);
        var reply = await client.SendAsync(bytes).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(Hl7Ack.TryParse(Hl7Message.Parse(reply), out var ack));
        return ack;
    }

    private async Task<(int Exit, string Out)> AbctlAsync(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await CliApp.RunAsync(["--endpoint", _broker.Management.ToString(), .. args], stdout, stderr);
        return (exit, stdout + stderr.ToString());
    }

    private Task<DicomClient> ConnectAsync(string callingAe, string calledAe = "ACTORBROKER") => DicomClient.ConnectAsync(new DicomClientOptions
    {
        Host = "127.0.0.1",
        Port = _broker.Dicom.Port,
        CallingAETitle = callingAe,
        CalledAETitle = calledAe,
        PresentationContexts =
        [
            new SupportedAbstractSyntax(WellKnownUids.Verification),
            new SupportedAbstractSyntax(WellKnownUids.ModalityWorklistInformationModelFind),
        ],
    });

    private async Task<(List<DicomDataset> Items, DicomStatus Status)> FindAsync(string callingAe, DicomDataset identifier)
    {
        await using var client = await ConnectAsync(callingAe);
        var items = new List<DicomDataset>();
        var status = DicomStatus.UnableToProcess;
        await foreach (var r in client.CFindAsync(new CFindRequest { AffectedSOPClassUID = WellKnownUids.ModalityWorklistInformationModelFind, Dataset = identifier }))
        {
            if (r.Status.IsPending)
            {
                items.Add(r.Dataset!);
            }
            else
            {
                status = r.Status;
            }
        }

        await client.ReleaseAsync();
        return (items, status);
    }

    // The worklist follows the journal a moment after the ACK: probe with real queries until the items are there.
    private async Task<(List<DicomDataset> Items, DicomStatus Status)> EventuallyAsync(string callingAe, DicomDataset identifier, int expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var result = await FindAsync(callingAe, identifier);
            if (result.Items.Count == expected || DateTime.UtcNow > deadline)
            {
                Assert.Equal(expected, result.Items.Count);
                return result;
            }

            await Task.Delay(50);
        }
    }

    private static DicomDataset Query(string modality = "", string date = "", string station = "", string name = "")
    {
        var ds = new DicomDataset()
            .Set(DicomTags.SpecificCharacterSet, DicomVR.CS, "ISO_IR 192")
            .Set(DicomTags.AccessionNumber, DicomVR.SH, "")
            .Set(DicomTags.PatientName, DicomVR.PN, name)
            .Set(DicomTags.PatientID, DicomVR.LO, "")
            .SetEmpty(DicomTags.TimezoneOffsetFromUTC, DicomVR.SH);
        var sps = new DicomDataset(DicomCharacterSet.Utf8)
            .Set(DicomTags.Modality, DicomVR.CS, modality)
            .Set(DicomTags.ScheduledStationAETitle, DicomVR.AE, station)
            .Set(DicomTags.ScheduledProcedureStepStartDate, DicomVR.DA, date)
            .Set(DicomTags.ScheduledProcedureStepStartTime, DicomVR.TM, "");
        ds.SetSequence(DicomTags.ScheduledProcedureStepSequence, [sps]);
        return ds;
    }
}
