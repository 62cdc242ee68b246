using ActorBroker.Dicom.CharacterSets;
using ActorBroker.Dicom.Data;
using static ActorBroker.Dicom.Tests.Data.TestBytes;

namespace ActorBroker.Dicom.Tests.Data;

public sealed class DicomDatasetTests
{
    [Fact]
    public void Keeps_elements_ordered_and_replaces_on_set()
    {
        var ds = new DicomDataset()
            .Set(DicomTags.PatientID, DicomVR.LO, "P2")
            .Set(DicomTags.AccessionNumber, DicomVR.SH, "A1")
            .Set(DicomTags.PatientName, DicomVR.PN, "Doe^John")
            .Set(DicomTags.PatientID, DicomVR.LO, "P3");
        Assert.Equal([DicomTags.AccessionNumber, DicomTags.PatientName, DicomTags.PatientID], ds.Select(e => e.Tag).ToArray());
        Assert.Equal("P3", ds.GetString(DicomTags.PatientID));
        Assert.True(ds.Remove(DicomTags.PatientID));
        Assert.False(ds.Remove(DicomTags.PatientID));
        Assert.Null(ds[DicomTags.PatientID]);
        Assert.Equal(2, ds.Count);
    }

    [Fact]
    public void Multi_valued_strings_and_insignificant_spaces()
    {
        var ds = new DicomDataset()
            .SetValues(DicomTags.ScheduledStationName, DicomVR.SH, ["CT1", " CT2 "])
            .Set(DicomTags.TextValue, DicomVR.UT, "a\\b  ");
        Assert.Equal(["CT1", "CT2"], ds.GetStrings(DicomTags.ScheduledStationName));
        Assert.Equal("CT1\\ CT2", ds.GetString(DicomTags.ScheduledStationName));
        // UT is one value: backslash is text; leading spaces are significant, trailing are not.
        Assert.Equal(["a\\b"], ds.GetStrings(DicomTags.TextValue));
        Assert.Empty(ds.GetStrings(DicomTags.PatientID));
        Assert.Throws<ArgumentException>(() => ds.SetValues(DicomTags.ScheduledStationName, DicomVR.SH, ["a\\b"]));
    }

    [Fact]
    public void Binary_values_read_write_and_format()
    {
        var ds = new DicomDataset()
            .SetUInt16(DicomTags.Status, 0xFF00)
            .SetUInt32(DicomTags.CommandGroupLength, 70000)
            .Set(DicomTags.Rows, DicomVR.US, "512")
            .SetTags(DicomTags.OffendingElement, [DicomTags.PatientName, DicomTags.ScheduledProcedureStepStartDate]);
        Assert.Equal(0xFF00, ds.GetUInt16(DicomTags.Status));
        Assert.Equal(70000u, ds.GetUInt32(DicomTags.CommandGroupLength));
        Assert.Equal("512", ds.GetString(DicomTags.Rows));
        Assert.Equal([DicomTags.PatientName, DicomTags.ScheduledProcedureStepStartDate], ds.GetTags(DicomTags.OffendingElement));
        Assert.Equal("(0010,0010)\\(0040,0002)", ds.GetString(DicomTags.OffendingElement));
        Assert.False(ds.TryGetUInt16(DicomTags.MessageID, out _));
        Assert.Throws<DicomFormatException>(() => ds.GetUInt16(DicomTags.MessageID));
        Assert.Throws<ArgumentException>(() => ds.Set(DicomTags.Rows, DicomVR.US, "seventy"));
        Assert.Throws<ArgumentException>(() => ds.Set(DicomTags.PixelData, DicomVR.OW, "bytes"));
    }

    [Fact]
    public void Empty_type_2_elements_are_present_and_empty()
    {
        var ds = new DicomDataset()
            .SetEmpty(DicomTags.StudyID, DicomVR.SH)
            .SetEmpty(DicomTags.PerformedSeriesSequence, DicomVR.SQ);
        Assert.True(ds.Contains(DicomTags.StudyID));
        Assert.True(ds[DicomTags.StudyID]!.IsEmpty);
        Assert.Equal("", ds.GetString(DicomTags.StudyID, "absent"));
        Assert.True(ds[DicomTags.PerformedSeriesSequence]!.IsSequence);
        Assert.Equal(Hex("2000 1000 5348 0000 4000 4003 5351 0000 00000000"), DicomDatasetWriter.Write(ds, DicomTransferSyntax.ExplicitVRLittleEndian));
    }

    [Fact]
    public void Items_inherit_the_character_set_unless_they_have_their_own()
    {
        var item = new DicomDataset();
        var own = new DicomDataset().Set(DicomTags.SpecificCharacterSet, DicomVR.CS, "ISO_IR 192");
        var ds = new DicomDataset()
            .Set(DicomTags.SpecificCharacterSet, DicomVR.CS, "ISO_IR 100")
            .SetSequence(DicomTags.ScheduledProcedureStepSequence, [item, own]);
        item.Set(DicomTags.ScheduledPerformingPhysicianName, DicomVR.PN, "Müller");
        own.Set(DicomTags.ScheduledPerformingPhysicianName, DicomVR.PN, "Müller");
        Assert.Equal(DicomCharacterSet.Latin1, item.CharacterSet);
        Assert.Equal(Hex("4DFC6C6C6572"), item[DicomTags.ScheduledPerformingPhysicianName]!.Value.ToArray());
        Assert.Equal(Hex("4DC3BC6C6C6572"+"20"), own[DicomTags.ScheduledPerformingPhysicianName]!.Value.ToArray());
    }

    [Fact]
    public void Setting_the_character_set_re_encodes_existing_text_all_or_nothing()
    {
        var ds = new DicomDataset()
            .Set(DicomTags.SpecificCharacterSet, DicomVR.CS, "ISO_IR 192")
            .Set(DicomTags.PatientName, DicomVR.PN, "Müller^Jürgen")
            .SetSequence(DicomTags.ScheduledProcedureStepSequence, [new DicomDataset(DicomCharacterSet.Utf8).Set(DicomTags.ScheduledProcedureStepDescription, DicomVR.LO, "Knöchel")]);
        ds.Set(DicomTags.SpecificCharacterSet, DicomVR.CS, "ISO_IR 100");
        Assert.Equal(Hex("4DFC6C6C65725E4AFC7267656E"+"20"), ds[DicomTags.PatientName]!.Value.ToArray());
        Assert.Equal("Knöchel", ds.GetSequence(DicomTags.ScheduledProcedureStepSequence)[0].GetString(DicomTags.ScheduledProcedureStepDescription));
        ds.Set(DicomTags.SpecificCharacterSet, DicomVR.CS, "ISO_IR 192");
        ds.Set(DicomTags.PatientName, DicomVR.PN, "Dvořák");
        // Latin-1 cannot carry ř: refused, and the dataset is left as it was.
        Assert.Throws<DicomEncodingException>(() => ds.Set(DicomTags.SpecificCharacterSet, DicomVR.CS, "ISO_IR 100"));
        Assert.Equal("ISO_IR 192", ds.GetString(DicomTags.SpecificCharacterSet));
        Assert.Equal("Dvořák", ds.GetString(DicomTags.PatientName));
        Assert.Equal("Müller^Jürgen", new DicomDataset().Set(DicomTags.SpecificCharacterSet, DicomVR.CS, "ISO_IR 100").Set(DicomTags.PatientName, DicomVR.PN, "Müller^Jürgen").GetString(DicomTags.PatientName));
    }

    [Fact]
    public void Items_built_detached_are_re_encoded_when_attached()
    {
        var item = new DicomDataset(DicomCharacterSet.Latin1).Set(DicomTags.ScheduledPerformingPhysicianName, DicomVR.PN, "Müller");
        Assert.Equal(Hex("4DFC6C6C6572"), item[DicomTags.ScheduledPerformingPhysicianName]!.Value.ToArray());
        var utf8 = new DicomDataset().Set(DicomTags.SpecificCharacterSet, DicomVR.CS, "ISO_IR 192");
        utf8.SetSequence(DicomTags.ScheduledProcedureStepSequence, [item]);
        Assert.Equal(Hex("4DC3BC6C6C657220"), item[DicomTags.ScheduledPerformingPhysicianName]!.Value.ToArray());
        Assert.Equal("Müller", item.GetString(DicomTags.ScheduledPerformingPhysicianName));
        // An ASCII-only parent cannot take it: refused, nothing attached.
        var ascii = new DicomDataset();
        var other = new DicomDataset(DicomCharacterSet.Latin1).Set(DicomTags.ScheduledPerformingPhysicianName, DicomVR.PN, "Müller");
        Assert.Throws<DicomEncodingException>(() => ascii.SetSequence(DicomTags.ScheduledProcedureStepSequence, [other]));
        Assert.False(ascii.Contains(DicomTags.ScheduledProcedureStepSequence));
    }

    [Fact]
    public void Text_that_the_character_set_cannot_carry_is_refused()
    {
        var ds = new DicomDataset();
        var ex = Assert.Throws<DicomEncodingException>(() => ds.Set(DicomTags.PatientName, DicomVR.PN, "Núñez"));
        Assert.Equal(1, ex.Index);
        Assert.Throws<DicomEncodingException>(() => ds.Set(DicomTags.Modality, DicomVR.CS, "ÇT"));
        Assert.False(ds.Contains(DicomTags.PatientName));
    }

    [Fact]
    public void Clone_is_deep()
    {
        var ds = DicomDatasetReader.Read(Hex(DicomDatasetReaderTests.DcmjsNCreate), DicomTransferSyntax.ExplicitVRLittleEndian);
        var copy = ds.Clone();
        copy.Set(DicomTags.PatientID, DicomVR.LO, "OTHER");
        copy.GetSequence(DicomTags.ScheduledStepAttributesSequence)[0].Set(DicomTags.AccessionNumber, DicomVR.SH, "ACC2");
        Assert.Equal("PID1", ds.GetString(DicomTags.PatientID));
        Assert.Equal("ACC1", ds.GetSequence(DicomTags.ScheduledStepAttributesSequence)[0].GetString(DicomTags.AccessionNumber));
        Assert.Equal("ACC2", copy.GetSequence(DicomTags.ScheduledStepAttributesSequence)[0].GetString(DicomTags.AccessionNumber));
        Assert.Same(copy, copy.GetSequence(DicomTags.ScheduledStepAttributesSequence)[0].Parent);
        Assert.Equal("Núñez^José", copy.GetSequence(DicomTags.ScheduledStepAttributesSequence)[0].Parent!.GetString(DicomTags.PatientName));
    }

    [Fact]
    public void Uid_helpers()
    {
        var uid = DicomUid.Generate();
        Assert.StartsWith("2.25.", uid, StringComparison.Ordinal);
        Assert.True(DicomUid.IsValid(uid));
        Assert.True(DicomUid.IsValid(DicomUid.ImplementationClassUid));
        Assert.False(DicomUid.IsValid("1.02.3"));
        Assert.False(DicomUid.IsValid("1..3"));
        Assert.False(DicomUid.IsValid("1.2.a"));
        Assert.NotEqual(uid, DicomUid.Generate());
    }

    [Fact]
    public void Transfer_syntax_lookup()
    {
        Assert.Same(DicomTransferSyntax.ImplicitVRLittleEndian, DicomTransferSyntax.Lookup("1.2.840.10008.1.2\0"));
        Assert.Same(DicomTransferSyntax.ExplicitVRBigEndian, DicomTransferSyntax.Lookup("1.2.840.10008.1.2.2"));
        Assert.False(DicomTransferSyntax.ExplicitVRBigEndian.IsSupported);
        Assert.False(DicomTransferSyntax.DeflatedExplicitVRLittleEndian.IsSupported);
        Assert.True(DicomTransferSyntax.DeflatedExplicitVRLittleEndian.IsDeflated);
        Assert.True(DicomTransferSyntax.JPEGBaseline8Bit.IsEncapsulated && DicomTransferSyntax.JPEGBaseline8Bit.IsSupported);
        Assert.Null(DicomTransferSyntax.Lookup("1.2.3"));
        Assert.False(DicomTransferSyntax.ImplicitVRLittleEndian.IsExplicitVR);
    }
}
