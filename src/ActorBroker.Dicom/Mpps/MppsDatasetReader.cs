using ActorBroker.Dicom.Data;

namespace ActorBroker.Dicom.Mpps;

/// <summary>
/// Reads the attributes the broker keeps out of an N-CREATE Attribute List or N-SET Modification List.
/// Text comes decoded with the dataset's character set (<see cref="DicomDataset.GetString"/>); absent and
/// empty both read as "".
/// </summary>
// DICOM PS3.4 F.7.2 Table F.7.2-1
internal static class MppsDatasetReader
{
    public static MppsAttributes Read(DicomDataset ds) => new(
        Status: ds.GetString(DicomTags.PerformedProcedureStepStatus),
        PerformedProcedureStepId: ds.GetString(DicomTags.PerformedProcedureStepID),
        PerformedStationAeTitle: ds.GetString(DicomTags.PerformedStationAETitle),
        PerformedStationName: ds.GetString(DicomTags.PerformedStationName),
        PerformedLocation: ds.GetString(DicomTags.PerformedLocation),
        StartDate: ds.GetString(DicomTags.PerformedProcedureStepStartDate),
        StartTime: ds.GetString(DicomTags.PerformedProcedureStepStartTime),
        EndDate: ds.GetString(DicomTags.PerformedProcedureStepEndDate),
        EndTime: ds.GetString(DicomTags.PerformedProcedureStepEndTime),
        Modality: ds.GetString(DicomTags.Modality),
        StudyId: ds.GetString(DicomTags.StudyID),
        Description: ds.GetString(DicomTags.PerformedProcedureStepDescription),
        PatientId: ds.GetString(DicomTags.PatientID),
        PatientName: ds.GetString(DicomTags.PatientName),
        PatientBirthDate: ds.GetString(DicomTags.PatientBirthDate),
        PatientSex: ds.GetString(DicomTags.PatientSex),
        SpecificCharacterSet: ds.GetString(DicomTags.SpecificCharacterSet),
        ScheduledSteps: ReadScheduledSteps(ds),
        PerformedSeries: ReadPerformedSeries(ds),
        DiscontinuationReason: ReadCode(ds, DicomTags.PerformedProcedureStepDiscontinuationReasonCodeSequence));

    public static IReadOnlyList<MppsScheduledStepRef> ReadScheduledSteps(DicomDataset ds) =>
        ds.GetSequence(DicomTags.ScheduledStepAttributesSequence)
            .Select(item => new MppsScheduledStepRef(
                item.GetString(DicomTags.StudyInstanceUID),
                item.GetString(DicomTags.AccessionNumber),
                item.GetString(DicomTags.RequestedProcedureID),
                item.GetString(DicomTags.ScheduledProcedureStepID),
                item.GetString(DicomTags.RequestedProcedureDescription),
                Optional(item, DicomTags.PlacerOrderNumberImagingServiceRequest),
                Optional(item, DicomTags.FillerOrderNumberImagingServiceRequest)))
            .ToArray();

    public static IReadOnlyList<MppsPerformedSeries> ReadPerformedSeries(DicomDataset ds) =>
        ds.GetSequence(DicomTags.PerformedSeriesSequence)
            .Select(item => new MppsPerformedSeries(
                item.GetString(DicomTags.SeriesInstanceUID),
                item.GetString(DicomTags.SeriesDescription),
                item.GetString(DicomTags.ProtocolName),
                item.GetString(DicomTags.RetrieveAETitle),
                item.GetSequence(DicomTags.ReferencedImageSequence).Count,
                item.GetSequence(DicomTags.ReferencedNonImageCompositeSOPInstanceSequence).Count))
            .ToArray();

    /// <summary>The first item of a code sequence, or null when the sequence is absent or has no item.</summary>
    public static MppsCode? ReadCode(DicomDataset ds, DicomTag sequence)
    {
        var items = ds.GetSequence(sequence);
        if (items.Count == 0) return null;
        var item = items[0];
        var value = item.GetString(DicomTags.CodeValue);
        if (value.Length == 0) value = item.GetString(DicomTags.LongCodeValue);
        if (value.Length == 0) value = item.GetString(DicomTags.URNCodeValue);
        return new MppsCode(value, item.GetString(DicomTags.CodingSchemeDesignator), item.GetString(DicomTags.CodeMeaning));
    }

    private static string? Optional(DicomDataset item, DicomTag tag)
    {
        var value = item.GetString(tag);
        return value.Length == 0 ? null : value;
    }
}
