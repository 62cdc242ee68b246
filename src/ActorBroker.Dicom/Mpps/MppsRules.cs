using System.Text;
using ActorBroker.Dicom.Data;
using ActorBroker.Dicom.Dimse;
using ActorBroker.Dicom.Network;

namespace ActorBroker.Dicom.Mpps;

/// <summary>
/// The MPPS SCP rules of DICOM PS3.4 Annex F.7 as pure functions: given what the broker already keeps and
/// what arrived, decide what to keep and what to answer. The study entity that holds the instance calls these and journals the result;
/// nothing here does I/O or keeps state.
/// </summary>
/// <remarks>
/// Leniencies, on purpose (the broker tracks workflow; refusing a real modality's message loses an exam):
/// Type 2 attributes may be absent as well as empty; Protocol Name (0018,1030), nested Type 1 attributes of
/// code and reference sequences and the "Only Attributes created at N-CREATE may be set" rule (note 5) are not
/// enforced; an N-SET may resend an N-CREATE-only attribute with the same value or empty; a DISCONTINUED step
/// may have no Performed Series (a modality that aborts before acquiring sends none, though note 2 of Table
/// F.7.2-1 asks for one). SOP Instance UIDs are only checked for characters and length (PS3.5 9.1): leading
/// zeros in a component are common in the field.
/// </remarks>
public static class MppsRules
{
    /// <summary>Error ID of PS3.4 Table F.7.2-2 for an N-SET on a COMPLETED or DISCONTINUED instance.</summary>
    public const ushort MayNoLongerBeUpdatedErrorId = 0xA710;

    /// <summary>Error Comment of PS3.4 Table F.7.2-2.</summary>
    public const string MayNoLongerBeUpdatedComment = "Performed Procedure Step Object may no longer be updated";

    // PS3.4 Table F.7.2-1, N-CREATE column "1/1" at the top level, in tag order. The Scheduled Step Attributes
    // Sequence (0040,0270) and its Study Instance UID (0020,000D) are checked separately (a sequence needs an item).
    private static readonly DicomTag[] CreateType1 =
    [
        DicomTags.Modality,
        DicomTags.PerformedStationAETitle,
        DicomTags.PerformedProcedureStepStartDate,
        DicomTags.PerformedProcedureStepStartTime,
        DicomTags.PerformedProcedureStepStatus,
        DicomTags.PerformedProcedureStepID,
    ];

    // PS3.4 Table F.7.2-1, N-SET column "Not allowed", for the attributes the broker keeps (in tag order).
    // The Scheduled Step Attributes Sequence is compared item by item after these.
    private static readonly (DicomTag Tag, Func<MppsAttributes, string> Current, Func<string, string> Normalize)[] SetNotAllowed =
    [
        (DicomTags.Modality, a => a.Modality, Same),
        (DicomTags.PatientName, a => a.PatientName, PersonName),
        (DicomTags.PatientID, a => a.PatientId, Same),
        (DicomTags.PatientBirthDate, a => a.PatientBirthDate, Same),
        (DicomTags.PatientSex, a => a.PatientSex, Same),
        (DicomTags.StudyID, a => a.StudyId, Same),
        (DicomTags.PerformedStationAETitle, a => a.PerformedStationAeTitle, Same),
        (DicomTags.PerformedStationName, a => a.PerformedStationName, Same),
        (DicomTags.PerformedLocation, a => a.PerformedLocation, Same),
        (DicomTags.PerformedProcedureStepStartDate, a => a.StartDate, Same),
        (DicomTags.PerformedProcedureStepStartTime, a => a.StartTime, Time),
        (DicomTags.PerformedProcedureStepID, a => a.PerformedProcedureStepId, Same),
    ];

    /// <summary>
    /// PS3.4 F.7.2.1: "The SOP Class UID specified in the DIMSE N-CREATE and N-SET request primitives shall be
    /// the UID of the Modality Performed Procedure Step SOP Class." Null when it is; else 0118H No such SOP Class
    /// (PS3.7 10.1.5.1.6 / 10.1.3.1.9), for an N-CREATE or N-SET of another SOP class routed to the MPPS SCP.
    /// </summary>
    public static MppsOutcome.Refused? CheckSopClass(string? sopClassUid) =>
        string.Equals(sopClassUid, WellKnownUids.ModalityPerformedProcedureStep, StringComparison.Ordinal)
            ? null
            : new MppsOutcome.Refused(DicomStatus.NoSuchSOPClass, $"Not the MPPS SOP Class: {sopClassUid}", null, []);

    /// <summary>
    /// N-CREATE (PS3.4 F.7.2.1). In order: no Affected SOP Instance UID → 0120H (the SCU shall supply it,
    /// F.7.2.1.2; Attribute Identifier List names (0000,1000)); a UID with other characters than digits and
    /// dots, or longer than 64 → 0117H Invalid SOP Instance; <paramref name="instanceExists"/> → 0111H Duplicate
    /// SOP Instance; Type 1 attributes absent → 0120H Missing Attribute listing them all (the empty ones are
    /// named in the comment); else Type 1 attributes present but empty → 0121H Missing Attribute Value listing
    /// them all; Performed Procedure Step Status not IN PROGRESS → 0106H Invalid Attribute Value on (0040,0252)
    /// (F.7.2.1.3). Otherwise the attributes to keep. A null <paramref name="dataset"/> is an empty Attribute List.
    /// </summary>
    // DICOM PS3.4 F.7.2.1, Table F.7.2-1 (N-CREATE column); PS3.7 10.1.5.1.6 (N-CREATE status)
    public static MppsOutcome Create(bool instanceExists, string? affectedSopInstanceUid, DicomDataset? dataset)
    {
        if (string.IsNullOrEmpty(affectedSopInstanceUid))
        {
            return Refuse(DicomStatus.MissingAttribute, "MPPS N-CREATE needs an Affected SOP Instance UID", [DicomTags.AffectedSOPInstanceUID]);
        }

        if (!IsPlausibleUid(affectedSopInstanceUid))
        {
            return Refuse(DicomStatus.InvalidObjectInstance, "Affected SOP Instance UID is not a UID", [DicomTags.AffectedSOPInstanceUID]);
        }

        if (instanceExists)
        {
            return Refuse(DicomStatus.DuplicateSOPInstance, "An MPPS instance with this UID exists", []);
        }

        dataset ??= new DicomDataset();
        var missing = new List<TagPath>();
        var empty = new List<TagPath>();
        foreach (var tag in CreateType1) RequireValue(dataset, tag, null, missing, empty);
        RequireValue(dataset, DicomTags.ScheduledStepAttributesSequence, null, missing, empty);
        RequireInItems(dataset, DicomTags.ScheduledStepAttributesSequence, DicomTags.StudyInstanceUID, missing, empty);
        RequireInItems(dataset, DicomTags.PerformedSeriesSequence, DicomTags.SeriesInstanceUID, missing, empty);
        if (missing.Count > 0)
        {
            var comment = "Type 1 absent: " + Describe(missing) + (empty.Count > 0 ? "; empty: " + Describe(empty) : "");
            return Refuse(DicomStatus.MissingAttribute, comment, Flatten(missing));
        }

        if (empty.Count > 0)
        {
            return Refuse(DicomStatus.MissingAttributeValue, "Type 1 empty: " + Describe(empty), Flatten(empty));
        }

        var status = dataset.GetString(DicomTags.PerformedProcedureStepStatus);
        if (status != MppsStatus.InProgress)
        {
            return Refuse(DicomStatus.InvalidAttributeValue, $"N-CREATE status must be IN PROGRESS, not {status}", [DicomTags.PerformedProcedureStepStatus]);
        }

        return new MppsOutcome.Accepted(MppsDatasetReader.Read(dataset));
    }

    /// <summary>
    /// N-SET (PS3.4 F.7.2.2). In order: <paramref name="current"/> null (or no UID) → 0112H No such SOP Instance;
    /// the instance COMPLETED or DISCONTINUED → 0110H Processing failure, Error ID A710H, "Performed Procedure
    /// Step Object may no longer be updated" (F.7.2.2.3, Table F.7.2-2); an attribute that Table F.7.2-1 does not
    /// allow in N-SET sent with another non-empty value than the instance has → 0106H listing them all (the same
    /// value, or an empty one, is tolerated: some modalities resend the N-CREATE attributes); a status sent empty
    /// → 0121H, one that is not IN PROGRESS, COMPLETED or DISCONTINUED → 0106H; a Performed Series item without
    /// Series Instance UID → 0120H/0121H. The Modification List is then merged: status, description, end date and
    /// time replace; the Performed Series Sequence and the Discontinuation Reason Code Sequence replace whole
    /// (F.7.2.2.2: all items are sent). Moving to COMPLETED or DISCONTINUED needs the final state of Table
    /// F.7.2-1: End Date and End Time with a value and, for COMPLETED, at least one Performed Series item, else
    /// 0121H listing what lacks a value. Text without its own (0008,0005) is read in the N-CREATE's character
    /// set (F.7.2.2.1); the kept Specific Character Set stays the N-CREATE's (F.7.2.2.3).
    /// </summary>
    // DICOM PS3.4 F.7.2.2, Table F.7.2-1 (N-SET and Final State columns), Table F.7.2-2; PS3.7 10.1.3.1.9 (N-SET status)
    public static MppsOutcome Set(MppsAttributes? current, string? requestedSopInstanceUid, DicomDataset? modification)
    {
        if (current is null || string.IsNullOrEmpty(requestedSopInstanceUid))
        {
            return Refuse(DicomStatus.NoSuchObjectInstance, "No MPPS instance with this UID", []);
        }

        if (current.IsFinal)
        {
            return new MppsOutcome.Refused(DicomStatus.ProcessingFailure, MayNoLongerBeUpdatedComment, MayNoLongerBeUpdatedErrorId, []);
        }

        if (modification is null) return new MppsOutcome.Accepted(current);
        var mod = InheritCharacterSet(modification, current.SpecificCharacterSet);

        var changed = new List<DicomTag>();
        foreach (var (tag, read, normalize) in SetNotAllowed)
        {
            var sent = mod.GetString(tag);
            if (sent.Length > 0 && normalize(sent) != normalize(read(current))) changed.Add(tag);
        }

        if (mod.Contains(DicomTags.ScheduledStepAttributesSequence))
        {
            var sent = MppsDatasetReader.ReadScheduledSteps(mod);
            if (sent.Count > 0 && !ListEquality.Equal(sent, current.ScheduledSteps)) changed.Add(DicomTags.ScheduledStepAttributesSequence);
        }

        if (changed.Count > 0)
        {
            return Refuse(DicomStatus.InvalidAttributeValue, "N-SET may not change " + Describe(changed.Select(t => new TagPath(null, t))), changed);
        }

        var status = current.Status;
        if (mod.Contains(DicomTags.PerformedProcedureStepStatus))
        {
            status = mod.GetString(DicomTags.PerformedProcedureStepStatus);
            if (status.Length == 0)
            {
                return Refuse(DicomStatus.MissingAttributeValue, "Performed Procedure Step Status is empty", [DicomTags.PerformedProcedureStepStatus]);
            }

            if (!MppsStatus.IsDefined(status))
            {
                return Refuse(DicomStatus.InvalidAttributeValue, $"Unknown Performed Procedure Step Status {status}", [DicomTags.PerformedProcedureStepStatus]);
            }
        }

        var missing = new List<TagPath>();
        var empty = new List<TagPath>();
        RequireInItems(mod, DicomTags.PerformedSeriesSequence, DicomTags.SeriesInstanceUID, missing, empty);
        if (missing.Count > 0) return Refuse(DicomStatus.MissingAttribute, "Type 1 absent: " + Describe(missing), Flatten(missing));
        if (empty.Count > 0) return Refuse(DicomStatus.MissingAttributeValue, "Type 1 empty: " + Describe(empty), Flatten(empty));

        var merged = current with
        {
            Status = status,
            Description = Replace(mod, DicomTags.PerformedProcedureStepDescription, current.Description),
            EndDate = Replace(mod, DicomTags.PerformedProcedureStepEndDate, current.EndDate),
            EndTime = Replace(mod, DicomTags.PerformedProcedureStepEndTime, current.EndTime),
            PerformedSeries = mod.Contains(DicomTags.PerformedSeriesSequence)
                ? MppsDatasetReader.ReadPerformedSeries(mod)
                : current.PerformedSeries,
            DiscontinuationReason = mod.Contains(DicomTags.PerformedProcedureStepDiscontinuationReasonCodeSequence)
                ? MppsDatasetReader.ReadCode(mod, DicomTags.PerformedProcedureStepDiscontinuationReasonCodeSequence)
                : current.DiscontinuationReason,
        };

        if (MppsStatus.IsFinal(status))
        {
            var lacking = new List<TagPath>();
            if (merged.EndDate.Length == 0) lacking.Add(new TagPath(null, DicomTags.PerformedProcedureStepEndDate));
            if (merged.EndTime.Length == 0) lacking.Add(new TagPath(null, DicomTags.PerformedProcedureStepEndTime));
            if (status == MppsStatus.Completed && merged.PerformedSeries.Count == 0) lacking.Add(new TagPath(null, DicomTags.PerformedSeriesSequence));
            if (lacking.Count > 0)
            {
                return Refuse(DicomStatus.MissingAttributeValue, $"{status} needs a value for " + Describe(lacking), Flatten(lacking));
            }
        }

        return new MppsOutcome.Accepted(merged);
    }

    private static MppsOutcome.Refused Refuse(DicomStatus status, string comment, IReadOnlyList<DicomTag> offending) =>
        new(status, comment, null, offending);

    private static string Replace(DicomDataset mod, DicomTag tag, string current) =>
        mod.Contains(tag) ? mod.GetString(tag) : current;

    /// <summary>Absent → <paramref name="missing"/>; present with no value (or a sequence with no item) → <paramref name="empty"/>.</summary>
    private static void RequireValue(DicomDataset ds, DicomTag tag, DicomTag? parent, List<TagPath> missing, List<TagPath> empty)
    {
        var element = ds[tag];
        var path = new TagPath(parent, tag);
        if (element is null)
        {
            if (!missing.Contains(path)) missing.Add(path);
        }
        else if (element.IsSequence ? element.Items.Count == 0 : ds.GetString(tag).Length == 0)
        {
            if (!empty.Contains(path)) empty.Add(path);
        }
    }

    private static void RequireInItems(DicomDataset ds, DicomTag sequence, DicomTag tag, List<TagPath> missing, List<TagPath> empty)
    {
        foreach (var item in ds.GetSequence(sequence)) RequireValue(item, tag, sequence, missing, empty);
    }

    private static List<DicomTag> Flatten(IEnumerable<TagPath> paths)
    {
        var tags = new List<DicomTag>();
        foreach (var path in paths)
        {
            if (path.Parent is { } parent) tags.Add(parent);
            tags.Add(path.Tag);
        }
        return tags;
    }

    private static string Describe(IEnumerable<TagPath> paths) => string.Join(' ', paths.Select(p => p.ToString()));

    /// <summary>
    /// An N-SET without (0008,0005) is in the N-CREATE's character set (F.7.2.2.1): read it so. The bytes are
    /// not touched; only the copy used for reading names the character set.
    /// </summary>
    private static DicomDataset InheritCharacterSet(DicomDataset modification, string createCharacterSet)
    {
        if (createCharacterSet.Length == 0 || modification.Contains(DicomTags.SpecificCharacterSet)) return modification;
        var copy = modification.Clone();
        copy.Set(new DicomElement(DicomTags.SpecificCharacterSet, DicomVR.CS, DicomDataset.PadEven(Encoding.ASCII.GetBytes(createCharacterSet), (byte)' ')));
        return copy;
    }

    /// <summary>PS3.5 9.1 characters (digits and dots) and length (at most 64); component rules are not enforced.</summary>
    private static bool IsPlausibleUid(string uid) =>
        uid.Length <= 64 && uid.All(c => c is (>= '0' and <= '9') or '.');

    private static string Same(string value) => value;

    /// <summary>PN: trailing empty components and component groups carry nothing (PS3.5 6.2.1).</summary>
    private static string PersonName(string value) =>
        string.Join('=', value.Split('=').Select(group => group.TrimEnd('^', ' '))).TrimEnd('=');

    /// <summary>TM: "0930", "093000" and "09:30:00.000" name the same time (PS3.5 Table 6.2-1).</summary>
    private static string Time(string value)
    {
        var parts = value.Replace(":", "", StringComparison.Ordinal).Split('.', 2);
        var main = parts[0].PadRight(6, '0');
        var fraction = parts.Length > 1 ? parts[1].TrimEnd('0') : "";
        return fraction.Length > 0 ? main + "." + fraction : main;
    }

    /// <summary>An attribute, or an attribute inside the items of a sequence.</summary>
    private readonly record struct TagPath(DicomTag? Parent, DicomTag Tag)
    {
        public override string ToString() => Parent is { } parent ? $"{parent}>{Tag}" : Tag.ToString();
    }
}
