using System.Text;
using ActorBroker.Dicom.Data;
using ActorBroker.Hl7;

namespace ActorBroker.LoadGen;

/// <summary>
/// <c>loadgen mpps --dry-run</c>: prints pair 0's order, its report (ORU^R01, parsed back and checked for the
/// fields the broker matches on) and its N-CREATE / N-SET attribute lists, encodes
/// each in Explicit and Implicit VR Little Endian, parses it back with DicomDatasetReader and checks that
/// the result reads the same (element by element, and the values the broker keys on). Exit code 0 when so.
/// </summary>
internal static class MppsDryRun
{
    public static int Run(MppsOptions options)
    {
        var numbering = new MppsNumbering(options.AccessionPrefix, options.FirstNumber);
        var pair = MppsPair.Create(numbering, 0);
        var template = new MessageTemplate(Encoding.UTF8.GetBytes(MessageTemplate.BuiltInOrm), uniqueOrders: true, numbering, 1);
        var buffer = new byte[template.MaxLength];
        var length = template.Write(buffer, 0x1234, 0, 0);
        Console.WriteLine($"# order for pair 0 (ORM^O01 NW, sent with --orders-first on)");
        Console.WriteLine(Encoding.UTF8.GetString(buffer, 0, length).Replace('\r', '\n'));

        var failures = new List<string>();
        var oru = new MessageTemplate(Encoding.UTF8.GetBytes(MessageTemplate.BuiltInOru), uniqueOrders: true, numbering, 1);
        var oruBytes = new byte[oru.MaxLength];
        length = oru.Write(oruBytes, 0x1234, 0, 0);
        Console.WriteLine($"# report for pair 0 (ORU^R01 F, sent with --reports on)");
        Console.WriteLine(Encoding.UTF8.GetString(oruBytes, 0, length).Replace('\r', '\n'));
        failures.AddRange(CheckReport(Hl7Message.Parse(oruBytes.AsMemory(0, length)), pair).Select(p => $"ORU^R01: {p}"));

        var create = MppsDatasets.Create(pair, options.CallingAe, options.Modality, DateTime.Now);
        var set = MppsDatasets.Set(options.Images, DateTime.Now);
        Console.WriteLine($"# N-CREATE-RQ: Affected SOP Class {Dicom.Network.WellKnownUids.ModalityPerformedProcedureStep}, Affected SOP Instance {pair.MppsUid}");
        Console.Write(DatasetDump.Dump(create));
        Console.WriteLine($"# N-SET-RQ: Requested SOP Instance {pair.MppsUid}");
        Console.Write(DatasetDump.Dump(set));

        foreach (var syntax in new[] { DicomTransferSyntax.ExplicitVRLittleEndian, DicomTransferSyntax.ImplicitVRLittleEndian })
        {
            failures.AddRange(RoundTrip("N-CREATE", create, syntax, back => CheckCreate(back, pair, options)));
            failures.AddRange(RoundTrip("N-SET", set, syntax, back => CheckSet(back, options.Images)));
        }

        foreach (var failure in failures)
        {
            Console.WriteLine($"# FAILED: {failure}");
        }

        return failures.Count == 0 ? 0 : 1;
    }

    private static IEnumerable<string> RoundTrip(string what, DicomDataset dataset, DicomTransferSyntax syntax, Func<DicomDataset, IEnumerable<string>> check)
    {
        var bytes = DicomDatasetWriter.Write(dataset, syntax);
        var back = DicomDatasetReader.Read(bytes, syntax);
        var before = DatasetDump.Dump(dataset).Split('\n');
        var after = DatasetDump.Dump(back).Split('\n');
        // Implicit VR takes the VR from DicomDictionary: a tag it does not know reads back as UN (PS3.5 7.1.3).
        var unknown = before.Zip(after).Where(p => p.First != p.Second && !syntax.IsExplicitVR && p.First.Contains(" ? ", StringComparison.Ordinal) && p.Second.Contains(" UN ", StringComparison.Ordinal)).ToList();
        foreach (var (written, _) in unknown)
        {
            Console.WriteLine($"# note: {what} {syntax.Name}: {written.Trim()} is not in DicomDictionary, so it reads back as UN");
        }

        var problems = before.Zip(after).Where(p => p.First != p.Second).Except(unknown).Select(p => $"{what} {syntax.Name}: wrote {p.First} read {p.Second}")
            .Concat(before.Length != after.Length ? [$"{what} {syntax.Name}: {before.Length} lines written, {after.Length} read"] : [])
            .Concat(check(back).Select(p => $"{what} {syntax.Name}: {p}"))
            .ToList();
        Console.WriteLine($"# {what} {syntax.Name}: {bytes.Length} bytes, parsed back {(problems.Count > 0 ? "DIFFERENT" : unknown.Count > 0 ? "the same but for the note above" : "identical")}");
        return problems;
    }

    // What the broker matches a report on (HL7 2.5.1 7.3.1 ORU^R01, 4.5.3 OBR-18 accession, OBR-25 table 0123),
    // and what the EHR receiver keys on: the pair's numbers in every slot, the UTF-8 name intact.
    private static IEnumerable<string> CheckReport(Hl7Message m, MppsPair pair)
    {
        var orc = m.Find("ORC");
        var obr = m.Find("OBR");
        if (m.MessageType != "ORU" || m.TriggerEvent != "R01") yield return "MSH-9";
        if (m[0].Get(4) != "MAINHOSP") yield return "MSH-4 site";
        if (orc?.Get(2) != pair.Placer || obr?.Get(2) != pair.Placer) yield return "placer (ORC-2, OBR-2)";
        if (orc?.Get(3) != pair.Accession || obr?.Get(3) != pair.Accession) yield return "filler (ORC-3, OBR-3)";
        if (obr?.Get(18) != pair.Accession) yield return "accession (OBR-18)";
        if (obr?.Get(25) != "F") yield return "result status (OBR-25)";
        if (m.Find("PID")?.Get(5) != "NÚÑEZ") yield return "patient name (UTF-8)";
        if (m.Find("OBX", 2) is null) yield return "two OBX TX lines";
    }

    // What the broker reads from an N-CREATE (PS3.4 F.7.2.1): the order it names and the step's state.
    private static IEnumerable<string> CheckCreate(DicomDataset ds, MppsPair pair, MppsOptions options)
    {
        var step = ds.GetSequence(DicomTags.ScheduledStepAttributesSequence);
        if (step.Count != 1) yield return $"{step.Count} Scheduled Step Attributes items";
        if (step.Count > 0 && step[0].GetString(DicomTags.AccessionNumber) != pair.Accession) yield return "accession";
        if (step.Count > 0 && step[0].GetString(DicomTags.StudyInstanceUID) != pair.StudyUid) yield return "Study UID";
        if (ds.GetString(DicomTags.PerformedProcedureStepStatus) != "IN PROGRESS") yield return "status";
        if (ds.GetString(DicomTags.PerformedStationAETitle) != options.CallingAe) yield return "station AE";
        if (ds.GetString(DicomTags.PatientName) != "NÚÑEZ^JOSÉ^ANTONIO^^SR.") yield return "patient name (ISO_IR 192)";
    }

    // N-SET (PS3.4 F.7.2.2): final state and one series with the referenced images.
    private static IEnumerable<string> CheckSet(DicomDataset ds, int images)
    {
        if (ds.GetString(DicomTags.PerformedProcedureStepStatus) != "COMPLETED") yield return "status";
        var series = ds.GetSequence(DicomTags.PerformedSeriesSequence);
        if (series.Count != 1) yield return $"{series.Count} Performed Series items";
        if (series.Count > 0 && series[0].GetSequence(DicomTags.ReferencedImageSequence).Count != images) yield return "referenced images";
        if (string.IsNullOrEmpty(ds.GetString(DicomTags.PerformedProcedureStepEndTime))) yield return "end time";
    }
}
