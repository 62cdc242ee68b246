using System.Diagnostics;
using System.Text;
using ActorBroker.Dicom.Data;
using ActorBroker.Hl7;
using ActorBroker.Hl7.Mllp;
using ActorBroker.Interop.Tests.Harness;

namespace ActorBroker.Interop.Tests;

/// <summary>
/// dcmtk's findscu -W and echoscu (Debian dcmtk) as the modalities: orders sent over MLLP to a broker running as
/// its own process appear on the worklist for the right modality, station and date; names arrive intact in UTF-8
/// and in Latin-1 for a Latin-1 station; an unknown calling AE and a wrong called AE are refused.
/// </summary>
public sealed class MwlInteropTests : IAsyncLifetime
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "ab-mwl-" + Guid.NewGuid().ToString("N"));
    private BrokerProcess? _broker;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_broker is not null)
        {
            await _broker.DisposeAsync();
        }

        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // best effort: a temp folder
        }
    }

    [SkippableFact]
    public async Task Findscu_sees_each_order_for_its_modality_station_and_date_with_names_intact_in_UTF8_and_Latin1()
    {
        var findscu = Peers.RequireTool("findscu", "dcmtk");
        var broker = await StartBrokerAsync();
        foreach (var sample in new[] { "orm-o01-new-ct.hl7", "orm-o01-new-mr-latin1.hl7", "omi-o23-two-steps.hl7" })
        {
            await SendAsync(broker, sample);
        }

        // CT01 (UTF-8) asks for CT on the 28th.
        var ct = await EventuallyAsync(() => FindAsync(findscu, broker, "CT01", ["modality=CT", "date=20261128"]), 1);
        var item = Assert.Single(ct.Items);
        Assert.Equal("ISO_IR 192", item.Dataset.GetString(DicomTags.SpecificCharacterSet));
        Assert.Equal("ACC20001", item.Dataset.GetString(DicomTags.AccessionNumber));
        Assert.Equal("NÚÑEZ^JOSÉ^ANTONIO^SR.", item.Dataset.GetString(DicomTags.PatientName));
        Assert.True(Contains(item.Raw, Encoding.UTF8.GetBytes("NÚÑEZ^JOSÉ")), "UTF-8 bytes of the name on the wire");
        var sps = Assert.Single(item.Dataset.GetSequence(DicomTags.ScheduledProcedureStepSequence));
        Assert.Equal(("CT", "CT01", "20261128", "093000"), (sps.GetString(DicomTags.Modality), sps.GetString(DicomTags.ScheduledStationAETitle), sps.GetString(DicomTags.ScheduledProcedureStepStartDate), sps.GetString(DicomTags.ScheduledProcedureStepStartTime)));

        // Other date, other modality, other station: nothing; MR01 sees the MR order, NCUS02 its own site's two steps.
        Assert.Empty((await FindAsync(findscu, broker, "CT01", ["modality=CT", "date=20261129"])).Items);
        Assert.Empty((await FindAsync(findscu, broker, "CT01", ["modality=MR", "station=CT01"])).Items);
        var mr = Assert.Single((await FindAsync(findscu, broker, "MR01", ["modality=MR", "date=20261128-20261130"])).Items);
        Assert.Equal("MÜLLER^JOÃO", mr.Dataset.GetString(DicomTags.PatientName));
        var us = await FindAsync(findscu, broker, "NCUS02", ["modality=US"]);
        Assert.Equal(["SPS30001A", "SPS30001B"], us.Items.Select(i => i.Dataset.GetSequence(DicomTags.ScheduledProcedureStepSequence)[0].GetString(DicomTags.ScheduledProcedureStepID)).Order(StringComparer.Ordinal));
        Assert.All(us.Items, i => Assert.Equal("ØSTERGÅRD^LÆRKE", i.Dataset.GetString(DicomTags.PatientName)));

        // A Latin-1 station: ISO_IR 100 and the Latin-1 bytes of the accents, no UTF-8 anywhere.
        var latin = await FindAsync(findscu, broker, "XALAT1", ["modality=CT"], charset: "ISO_IR 100");
        var l = Assert.Single(latin.Items);
        Assert.Equal("ISO_IR 100", l.Dataset.GetString(DicomTags.SpecificCharacterSet));
        Assert.Equal("NÚÑEZ^JOSÉ^ANTONIO^SR.", l.Dataset.GetString(DicomTags.PatientName));
        Assert.True(Contains(l.Raw, Encoding.Latin1.GetBytes("NÚÑEZ^JOSÉ")), "Latin-1 bytes of the name on the wire");
        Assert.False(Contains(l.Raw, Encoding.UTF8.GetBytes("Ú")), "no UTF-8 in a Latin-1 response");

        // Accent- and case-insensitive name matching (a deliberate difference from wlmscpfs).
        Assert.Single((await FindAsync(findscu, broker, "CT01", ["patientname=nunez*"])).Items);
    }

    [SkippableFact]
    public async Task Echoscu_is_answered_and_an_unknown_calling_AE_or_a_wrong_called_AE_is_refused()
    {
        var echoscu = Peers.RequireTool("echoscu", "dcmtk");
        var broker = await StartBrokerAsync();
        var port = broker.Endpoints["dicom"].Port.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var ok = await RunAsync(echoscu, ["-v", "-aet", "CT01", "-aec", "ACTORBROKER", "127.0.0.1", port]);
        Assert.True(ok.Exit == 0, ok.Output);

        var unknown = await RunAsync(echoscu, ["-v", "-aet", "INTRUDER", "-aec", "ACTORBROKER", "127.0.0.1", port]);
        Assert.NotEqual(0, unknown.Exit);
        Assert.Contains("Calling AE Title Not Recognized", unknown.Output, StringComparison.OrdinalIgnoreCase);

        var wrongCalled = await RunAsync(echoscu, ["-v", "-aet", "CT01", "-aec", "SOMEONE_ELSE", "127.0.0.1", port]);
        Assert.NotEqual(0, wrongCalled.Exit);
        Assert.Contains("Called AE Title Not Recognized", wrongCalled.Output, StringComparison.OrdinalIgnoreCase);
    }

    private async Task<BrokerProcess> StartBrokerAsync()
    {
        _broker = await BrokerProcess.StartAsync(
            _dir,
            "actor-broker.dicom.port = 0",
            // A scanner that only understands Latin-1 (modality XA: no sample order changes station assignment).
            "actor-broker.sites.MAINHOSP.modalities.XALAT1.modality = XA",
            "actor-broker.sites.MAINHOSP.modalities.XALAT1.character-set = \"ISO_IR 100\"");
        return _broker;
    }

    private static async Task SendAsync(BrokerProcess broker, string sample)
    {
        var bytes = await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "Samples", sample));
        await using var client = await MllpClient.ConnectAsync("127.0.0.1", broker.Hl7Orders.Port);
        var reply = await client.SendAsync(bytes).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(Hl7Ack.TryParse(Hl7Message.Parse(reply), out var ack) && ack.AckCode == AckCode.AA, $"{sample}: {ack?.AckCode} {ack?.Text}");
    }

    private static async Task<FindResult> EventuallyAsync(Func<Task<FindResult>> find, int expected)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            // The worklist follows the journal a moment after the ACK: probe with real queries.
            var result = await find();
            if (result.Items.Count == expected || deadline.Elapsed > TimeSpan.FromSeconds(20))
            {
                Assert.True(result.Items.Count == expected, result.Log);
                return result;
            }

            await Task.Delay(100);
        }
    }

    /// <summary>findscu -W with the keys a modality sends; responses extracted (-X) and read back byte for byte.</summary>
    private async Task<FindResult> FindAsync(string findscu, BrokerProcess broker, string callingAe, string[] filters, string charset = "ISO_IR 192")
    {
        var outDir = Path.Combine(_dir, "rsp-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(outDir);
        var keys = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["SpecificCharacterSet"] = charset,
            ["AccessionNumber"] = "",
            ["PatientName"] = "",
            ["PatientID"] = "",
            ["(0040,0100)[0].Modality"] = "",
            ["(0040,0100)[0].ScheduledStationAETitle"] = "",
            ["(0040,0100)[0].ScheduledProcedureStepStartDate"] = "",
            ["(0040,0100)[0].ScheduledProcedureStepStartTime"] = "",
            ["(0040,0100)[0].ScheduledProcedureStepID"] = "",
        };
        foreach (var f in filters)
        {
            var (k, v) = (f[..f.IndexOf('=', StringComparison.Ordinal)], f[(f.IndexOf('=', StringComparison.Ordinal) + 1)..]);
            keys[k switch
            {
                "modality" => "(0040,0100)[0].Modality",
                "date" => "(0040,0100)[0].ScheduledProcedureStepStartDate",
                "station" => "(0040,0100)[0].ScheduledStationAETitle",
                "patientname" => "PatientName",
                _ => k,
            }] = v;
        }

        var args = new List<string> { "-v", "-W", "-X", "-od", outDir, "-aet", callingAe, "-aec", "ACTORBROKER", "127.0.0.1", broker.Endpoints["dicom"].Port.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        foreach (var (k, v) in keys)
        {
            args.Add("-k");
            args.Add($"{k}={v}");
        }

        var run = await RunAsync(findscu, args);
        Assert.True(run.Exit == 0, run.Output);
        // findscu exits 0 even when the C-FIND fails: the final status is only in the log.
        Assert.Contains("Received Final Find Response (Success)", run.Output, StringComparison.Ordinal);
        var items = Directory.GetFiles(outDir, "rsp*.dcm").Order(StringComparer.Ordinal)
            .Select(p => File.ReadAllBytes(p))
            .Select(raw => new FoundItem(DicomFile.Read(raw).Dataset, raw))
            .ToList();
        return new FindResult(items, run.Output);
    }

    private static async Task<(int Exit, string Output)> RunAsync(string tool, IEnumerable<string> args)
    {
        var psi = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        // Debian's dcmtk leaves Nagle on unless told: ~40 ms stalls per exchange.
        psi.Environment["TCP_NODELAY"] = "1";
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await p.WaitForExitAsync(timeout.Token);
        return (p.ExitCode, await stdout + await stderr);
    }

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;

    private sealed record FoundItem(DicomDataset Dataset, byte[] Raw);

    private sealed record FindResult(IReadOnlyList<FoundItem> Items, string Log);
}
