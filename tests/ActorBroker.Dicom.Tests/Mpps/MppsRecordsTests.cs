using System.Text.Json;
using ActorBroker.Dicom.Data;
using ActorBroker.Dicom.Dimse;
using ActorBroker.Dicom.Mpps;
using static ActorBroker.Dicom.Tests.Mpps.MppsTestData;

namespace ActorBroker.Dicom.Tests.Mpps;

public sealed class MppsRecordsTests
{
    private static readonly MppsAttributes Full = Created with
    {
        Status = MppsStatus.Discontinued,
        EndDate = "20261128",
        EndTime = "102000",
        ScheduledSteps =
        [
            new MppsScheduledStepRef("1.2.3.100", "ACC-9", "RP-9", "SPS-9", "MR Knie links", "PLACER-9", "FILLER-9"),
            new MppsScheduledStepRef("1.2.3.100", "ACC-10", "RP-10", "SPS-10", "", null, null),
        ],
        PerformedSeries = [new MppsPerformedSeries("1.2.3.100.1", "Sag PD", "Knie", "PACS", 3, 1)],
        DiscontinuationReason = new MppsCode("110514", "DCM", "Incorrect worklist entry selected"),
    };

    [Fact]
    public void Attributes_survive_a_System_Text_Json_round_trip_unchanged()
    {
        var json = JsonSerializer.Serialize(Full);
        var back = JsonSerializer.Deserialize<MppsAttributes>(json);

        Assert.Equal(Full, back);
        Assert.Equal(Full.GetHashCode(), back!.GetHashCode());
        Assert.Contains("\"PatientName\":\"M\\u00FCller^J\\u00F6rg\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Attributes_with_equal_lists_are_equal_and_a_different_item_makes_them_differ()
    {
        var copy = Full with
        {
            ScheduledSteps = Full.ScheduledSteps.ToList(),
            PerformedSeries = Full.PerformedSeries.ToList(),
        };
        Assert.Equal(Full, copy);
        Assert.Equal(Full.GetHashCode(), copy.GetHashCode());

        Assert.NotEqual(Full, copy with { PerformedSeries = [Full.PerformedSeries[0] with { ReferencedImageCount = 4 }] });
        Assert.NotEqual(Full, copy with { ScheduledSteps = [Full.ScheduledSteps[0]] });
        Assert.NotEqual(Full, copy with { DiscontinuationReason = null });
        Assert.NotEqual(Full, copy with { PatientName = "Müller^Jürgen" });
        Assert.False(Full.Equals(null));
    }

    [Fact]
    public void ToString_never_shows_patient_identity()
    {
        var text = new MppsOutcome.Accepted(Full).ToString();
        Assert.DoesNotContain("Müller", text, StringComparison.Ordinal);
        Assert.DoesNotContain("P-77", text, StringComparison.Ordinal);
        Assert.DoesNotContain("19800229", text, StringComparison.Ordinal);
        Assert.Contains("Status = DISCONTINUED", text, StringComparison.Ordinal);
        Assert.Contains("PerformedSeries = 1", text, StringComparison.Ordinal);
        Assert.Contains("DiscontinuationReason = 110514", text, StringComparison.Ordinal);

        var refused = new MppsOutcome.Refused(DicomStatus.ProcessingFailure, "c", 0xA710, [DicomTags.Modality, DicomTags.PatientID]).ToString();
        Assert.Contains("ErrorId = A710", refused, StringComparison.Ordinal);
        Assert.Contains("OffendingElements = (0008,0060) (0010,0020)", refused, StringComparison.Ordinal);
    }

    [Fact]
    public void Refusals_compare_their_offending_elements_by_content()
    {
        var a = new MppsOutcome.Refused(DicomStatus.MissingAttribute, "x", null, [DicomTags.Modality, DicomTags.PatientID]);
        var b = new MppsOutcome.Refused(DicomStatus.MissingAttribute, "x", null, new List<DicomTag> { DicomTags.Modality, DicomTags.PatientID });
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, b with { OffendingElements = [DicomTags.Modality] });
        Assert.NotEqual(a, b with { ErrorId = 0xA710 });
        Assert.NotEqual<MppsOutcome>(a, new MppsOutcome.Accepted(Full));
    }

    [Fact]
    public void Status_terms_are_the_three_of_PS3_3_and_only_two_are_final()
    {
        Assert.True(MppsStatus.IsDefined("IN PROGRESS"));
        Assert.True(MppsStatus.IsDefined("COMPLETED"));
        Assert.True(MppsStatus.IsDefined("DISCONTINUED"));
        Assert.False(MppsStatus.IsDefined("in progress"));
        Assert.False(MppsStatus.IsDefined(null));
        Assert.False(MppsStatus.IsFinal("IN PROGRESS"));
        Assert.True(MppsStatus.IsFinal("COMPLETED"));
        Assert.True(MppsStatus.IsFinal("DISCONTINUED"));
    }
}
