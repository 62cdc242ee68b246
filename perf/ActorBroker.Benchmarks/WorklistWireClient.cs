using System.Diagnostics;
using System.Globalization;
using ActorBroker.Dicom.CharacterSets;
using ActorBroker.Dicom.Data;
using ActorBroker.Dicom.Dimse;
using ActorBroker.Dicom.Network;
using ActorBroker.Dicom.Network.Negotiation;

namespace ActorBroker.Benchmarks;

/// <summary>
/// <c>--worklist-wire HOST PORT CALLED-AE LABEL [associations] [queries-each] [warm-up-each] KEY=VALUE...</c>: the C-FIND
/// path over TCP with our own SCU (<see cref="DicomClient"/>, which parses every response into a data set) instead of
/// findscu: ASSOCIATIONS associations at once (calling AE CT01), each sending its queries one after another after its
/// warm-up. Keys as findscu -k takes them for the SPS item: Modality=CT, ScheduledStationAETitle=CT01,
/// ScheduledProcedureStepStartDate=20261128. Prints one markdown row: queries, matches per query, p50/p95/p99/max,
/// mean and queries/s over all associations (what perf/run-mwl.sh tabulates).
/// </summary>
internal static class WorklistWireClient
{
    public static async Task<int> RunAsync(string[] args)
    {
        var host = args[1];
        var port = int.Parse(args[2], CultureInfo.InvariantCulture);
        var called = args[3];
        var label = args[4];
        var associations = int.Parse(args[5], CultureInfo.InvariantCulture);
        var queries = int.Parse(args[6], CultureInfo.InvariantCulture);
        var warmup = int.Parse(args[7], CultureInfo.InvariantCulture);
        var sps = new DicomDataset(DicomCharacterSet.Utf8)
            .SetEmpty(DicomTags.Modality, DicomVR.CS)
            .SetEmpty(DicomTags.ScheduledStationAETitle, DicomVR.AE)
            .SetEmpty(DicomTags.ScheduledProcedureStepStartDate, DicomVR.DA)
            .SetEmpty(DicomTags.ScheduledProcedureStepStartTime, DicomVR.TM)
            .SetEmpty(DicomTags.ScheduledProcedureStepID, DicomVR.SH)
            .SetEmpty(DicomTags.ScheduledProcedureStepDescription, DicomVR.LO);
        foreach (var kv in args.Skip(8))
        {
            var (name, value) = (kv[..kv.IndexOf('=', StringComparison.Ordinal)], kv[(kv.IndexOf('=', StringComparison.Ordinal) + 1)..]);
            var tag = name switch
            {
                "Modality" => DicomTags.Modality,
                "ScheduledStationAETitle" => DicomTags.ScheduledStationAETitle,
                "ScheduledProcedureStepStartDate" => DicomTags.ScheduledProcedureStepStartDate,
                _ => throw new ArgumentException($"unknown key {name}"),
            };
            sps.Set(tag, DicomDictionary.Lookup(tag)!.Value.Vr, value);
        }

        var identifier = new DicomDataset()
            .Set(DicomTags.SpecificCharacterSet, DicomVR.CS, "ISO_IR 192")
            .SetEmpty(DicomTags.AccessionNumber, DicomVR.SH)
            .SetEmpty(DicomTags.PatientName, DicomVR.PN)
            .SetEmpty(DicomTags.PatientID, DicomVR.LO)
            .SetEmpty(DicomTags.PatientBirthDate, DicomVR.DA)
            .SetEmpty(DicomTags.StudyInstanceUID, DicomVR.UI)
            .SetEmpty(DicomTags.RequestedProcedureID, DicomVR.SH)
            .SetEmpty(DicomTags.RequestedProcedureDescription, DicomVR.LO);
        identifier.SetSequence(DicomTags.ScheduledProcedureStepSequence, [sps]);
        var request = new CFindRequest { AffectedSOPClassUID = WellKnownUids.ModalityWorklistInformationModelFind, Dataset = identifier };
        var options = new DicomClientOptions
        {
            Host = host,
            Port = port,
            CallingAETitle = "CT01",
            CalledAETitle = called,
            PresentationContexts = [new SupportedAbstractSyntax(WellKnownUids.ModalityWorklistInformationModelFind)],
            ResponseTimeout = TimeSpan.FromMinutes(5),
        };

        var matches = new HashSet<int>();
        var failures = 0;
        using var start = new Barrier(associations + 1);
        var measured = new Task<List<double>>[associations];
        for (var a = 0; a < associations; a++)
        {
            measured[a] = Task.Run(async () =>
            {
                await using var client = await DicomClient.ConnectAsync(options);
                var mine = new List<double>(queries);
                for (var i = 0; i < warmup; i++) await QueryAsync(client, request);
                start.SignalAndWait();
                for (var i = 0; i < queries; i++)
                {
                    var t = Stopwatch.GetTimestamp();
                    var (n, ok) = await QueryAsync(client, request);
                    mine.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
                    lock (matches)
                    {
                        matches.Add(n);
                        if (!ok) failures++;
                    }
                }

                await client.ReleaseAsync();
                return mine;
            });
        }

        start.SignalAndWait();
        var wall = Stopwatch.StartNew();
        var all = (await Task.WhenAll(measured)).SelectMany(l => l).Order().ToArray();
        wall.Stop();
        double P(double p) => all[Math.Min(all.Length - 1, (int)Math.Ceiling(p * all.Length) - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {label} | {all.Length} | {string.Join('/', matches.Order())} | {P(0.50):F2} | {P(0.95):F2} | {P(0.99):F2} | {all[^1]:F2} | {all.Average():F2} | {all.Length / wall.Elapsed.TotalSeconds:F0} |{(failures > 0 ? $" {failures} not Success" : "")}"));
        return failures == 0 ? 0 : 1;
    }

    private static async Task<(int Matches, bool Success)> QueryAsync(DicomClient client, CFindRequest request)
    {
        var n = 0;
        var ok = false;
        await foreach (var response in client.CFindAsync(request))
        {
            if (response.Status.IsPending) n++;
            else ok = response.Status == DicomStatus.Success;
        }

        return (n, ok);
    }
}
