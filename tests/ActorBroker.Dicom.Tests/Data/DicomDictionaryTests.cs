using System.Reflection;
using ActorBroker.Dicom.Data;

namespace ActorBroker.Dicom.Tests.Data;

public sealed class DicomDictionaryTests
{
    [Fact]
    public void Every_tag_constant_is_in_the_dictionary_under_its_own_keyword()
    {
        var fields = typeof(DicomTags).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.FieldType == typeof(DicomTag)).ToList();
        Assert.True(fields.Count > 200);
        foreach (var f in fields)
        {
            var tag = (DicomTag)f.GetValue(null)!;
            var entry = DicomDictionary.Lookup(tag);
            Assert.True(entry.HasValue, $"{f.Name} {tag} missing");
            Assert.Equal(f.Name, entry.Value.Keyword);
        }
        Assert.Equal(fields.Count, DicomDictionary.Count);
    }

    [Fact]
    public void Spot_checks_against_PS3_6()
    {
        Assert.Equal((DicomVR.PN, "PatientName"), DicomDictionary.Lookup(new DicomTag(0x0010, 0x0010)));
        Assert.Equal(DicomVR.SQ, DicomDictionary.Lookup(new DicomTag(0x0040, 0x0100))!.Value.Vr);
        Assert.Equal(DicomVR.SH, DicomDictionary.Lookup(DicomTags.TimezoneOffsetFromUTC)!.Value.Vr);
        Assert.Equal(DicomVR.AT, DicomDictionary.Lookup(DicomTags.OffendingElement)!.Value.Vr);
        Assert.Equal(DicomVR.UT, DicomDictionary.Lookup(DicomTags.TextValue)!.Value.Vr);
        Assert.Equal(DicomVR.LO, DicomDictionary.Lookup(DicomTags.PlacerOrderNumberImagingServiceRequest)!.Value.Vr);
        Assert.Equal(new DicomTag(0x0040, 0x2017), DicomTags.FillerOrderNumberImagingServiceRequest);
        Assert.Equal(new DicomTag(0x0040, 0x0281), DicomTags.PerformedProcedureStepDiscontinuationReasonCodeSequence);
        Assert.Equal(DicomTags.ScheduledStationAETitle, DicomDictionary.FindByKeyword("ScheduledStationAETitle"));
    }

    [Fact]
    public void Group_lengths_and_private_creators_get_their_VR_unknown_tags_none()
    {
        Assert.Equal(DicomVR.UL, DicomDictionary.Lookup(new DicomTag(0x0009, 0x0000))!.Value.Vr);
        Assert.Equal(DicomVR.LO, DicomDictionary.Lookup(new DicomTag(0x0029, 0x0010))!.Value.Vr);
        Assert.Null(DicomDictionary.Lookup(new DicomTag(0x0029, 0x1010)));
        Assert.Null(DicomDictionary.Lookup(new DicomTag(0x0018, 0x9999)));
    }
}
