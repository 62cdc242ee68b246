using System.Globalization;
using ActorBroker.Dicom.Data;

namespace ActorBroker.Interop.Tests.Harness;

/// <summary>
/// dcmtk's findscu -W against any Modality Worklist SCP: the key attributes a scanner asks for (some with values
/// to match), responses extracted with -X and read back with our parser, reduced to <see cref="MwlKeyRow"/>s.
/// Fails unless the final response is Success (findscu exits 0 even after a failure status).
/// </summary>
internal static class FindscuWorklist
{
    private const string Sps = "(0040,0100)[0].";

    /// <summary>Keys a filter name may set (short names as perf/run-mwl.sh and ../shared/peers/mwl-query.sh use them).</summary>
    public static string KeyOf(string filter) => filter switch
    {
        "modality" => Sps + "Modality",
        "date" => Sps + "ScheduledProcedureStepStartDate",
        "time" => Sps + "ScheduledProcedureStepStartTime",
        "station" => Sps + "ScheduledStationAETitle",
        "spsid" => Sps + "ScheduledProcedureStepID",
        "accession" => "AccessionNumber",
        "patientid" => "PatientID",
        "patientname" => "PatientName",
        "rpid" => "RequestedProcedureID",
        "studyuid" => "StudyInstanceUID",
        _ => filter,
    };

    public static async Task<IReadOnlyList<MwlKeyRow>> QueryAsync(
        string findscu, int port, string callingAe, string calledAe, IReadOnlyDictionary<string, string> filters, string outputRoot)
    {
        var outDir = Path.Combine(outputRoot, "rsp-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(outDir);
        var keys = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["SpecificCharacterSet"] = "ISO_IR 192",
            ["AccessionNumber"] = "",
            ["PatientName"] = "",
            ["PatientID"] = "",
            ["StudyInstanceUID"] = "",
            ["RequestedProcedureID"] = "",
            [Sps + "Modality"] = "",
            [Sps + "ScheduledStationAETitle"] = "",
            [Sps + "ScheduledProcedureStepStartDate"] = "",
            [Sps + "ScheduledProcedureStepStartTime"] = "",
            [Sps + "ScheduledProcedureStepID"] = "",
        };
        foreach (var (filter, value) in filters)
        {
            keys[KeyOf(filter)] = value;
        }

        var args = new List<string> { "-v", "-W", "-X", "-od", outDir, "-aet", callingAe, "-aec", calledAe, "127.0.0.1", port.ToString(CultureInfo.InvariantCulture) };
        foreach (var (k, v) in keys)
        {
            args.Add("-k");
            args.Add($"{k}={v}");
        }

        // Debian's dcmtk leaves Nagle on unless told: ~40 ms stalls per exchange.
        var run = await PeerProcess.RunAsync(findscu, args, new Dictionary<string, string> { ["TCP_NODELAY"] = "1" });
        var log = run.StdoutText + run.Stderr;
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.True(log.Contains("Received Final Find Response (Success)", StringComparison.Ordinal), $"{calledAe}: no Success final status\n{log}");
        return Directory.GetFiles(outDir, "rsp*.dcm")
            .Order(StringComparer.Ordinal)
            .Select(p => Row(DicomFile.Read(File.ReadAllBytes(p)).Dataset))
            .ToList();
    }

    private static MwlKeyRow Row(DicomDataset ds)
    {
        var sps = ds.GetSequence(DicomTags.ScheduledProcedureStepSequence) is [var item, ..] ? item : new DicomDataset();
        return new MwlKeyRow(
            ds.GetString(DicomTags.AccessionNumber),
            ds.GetString(DicomTags.PatientID),
            ds.GetString(DicomTags.PatientName),
            sps.GetString(DicomTags.ScheduledProcedureStepStartDate),
            sps.GetString(DicomTags.ScheduledProcedureStepStartTime),
            sps.GetString(DicomTags.Modality),
            sps.GetString(DicomTags.ScheduledStationAETitle),
            sps.GetString(DicomTags.ScheduledProcedureStepID),
            ds.GetString(DicomTags.StudyInstanceUID),
            ds.GetString(DicomTags.RequestedProcedureID));
    }
}
