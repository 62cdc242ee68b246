using ActorBroker.Dicom.CharacterSets;
using ActorBroker.Dicom.Data;
using static ActorBroker.Dicom.Tests.Data.TestBytes;

namespace ActorBroker.Dicom.Tests.Data;

public sealed class DicomFileTests : IDisposable
{
    private const string BasicTextSr = "1.2.840.10008.5.1.4.1.1.88.11";
    private readonly string _dir = Directory.CreateTempSubdirectory("abdicom").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static DicomDataset SampleSr()
    {
        // Built before it is attached: say which character set its text is in.
        var content = new DicomDataset(DicomCharacterSet.Utf8)
            .Set(DicomTags.RelationshipType, DicomVR.CS, "CONTAINS")
            .Set(DicomTags.ValueType, DicomVR.CS, "TEXT")
            .SetSequence(DicomTags.ConceptNameCodeSequence,
            [
                new DicomDataset()
                    .Set(DicomTags.CodeValue, DicomVR.SH, "121071")
                    .Set(DicomTags.CodingSchemeDesignator, DicomVR.SH, "DCM")
                    .Set(DicomTags.CodeMeaning, DicomVR.LO, "Finding"),
            ])
            .Set(DicomTags.TextValue, DicomVR.UT, "Keine Auffälligkeiten.\r\nZweite Zeile");
        return new DicomDataset()
            .Set(DicomTags.SpecificCharacterSet, DicomVR.CS, "ISO_IR 192")
            .Set(DicomTags.SOPClassUID, DicomVR.UI, BasicTextSr)
            .Set(DicomTags.SOPInstanceUID, DicomVR.UI, "2.25.1234567890")
            .Set(DicomTags.AccessionNumber, DicomVR.SH, "ACC1")
            .Set(DicomTags.Modality, DicomVR.CS, "SR")
            .Set(DicomTags.PatientName, DicomVR.PN, "Núñez^José")
            .Set(DicomTags.PatientID, DicomVR.LO, "PID1")
            .Set(DicomTags.StudyInstanceUID, DicomVR.UI, "1.2.3.4")
            .Set(DicomTags.ValueType, DicomVR.CS, "CONTAINER")
            .Set(DicomTags.CompletionFlag, DicomVR.CS, "COMPLETE")
            .Set(DicomTags.VerificationFlag, DicomVR.CS, "UNVERIFIED")
            .SetSequence(DicomTags.ContentSequence, [content]);
    }

    [Fact]
    public void Writes_preamble_prefix_and_meta_with_group_length_then_reads_it_back()
    {
        var file = DicomFile.Create(SampleSr(), DicomTransferSyntax.ExplicitVRLittleEndian, "BROKER");
        var bytes = file.Write();
        Assert.All(bytes.Take(128), b => Assert.Equal(0, b));
        Assert.Equal("DICM"u8.ToArray(), bytes[128..132]);
        // (0002,0000) UL 4 first, its value = bytes up to the first non-0002 element.
        Assert.Equal(Hex("0200 0000 554C 0400"), bytes[132..140]);
        var back = DicomFile.Read(bytes);
        Assert.Equal(DicomTransferSyntax.ExplicitVRLittleEndian, back.TransferSyntax);
        Assert.Equal(BasicTextSr, back.FileMetaInformation.GetString(DicomTags.MediaStorageSOPClassUID));
        Assert.Equal("BROKER", back.FileMetaInformation.GetString(DicomTags.SourceApplicationEntityTitle));
        Assert.Equal(DicomUid.ImplementationClassUid, back.FileMetaInformation.GetString(DicomTags.ImplementationClassUID));
        var groupLength = back.FileMetaInformation.GetUInt32(DicomTags.FileMetaInformationGroupLength);
        var firstDataTag = 144 + (int)groupLength;
        Assert.Equal(Hex("0800 0500"), bytes[firstDataTag..(firstDataTag + 4)]);
        Assert.Equal("Núñez^José", back.Dataset.GetString(DicomTags.PatientName));
        Assert.Equal(DicomDatasetWriter.Write(file.Dataset, DicomTransferSyntax.ExplicitVRLittleEndian), DicomDatasetWriter.Write(back.Dataset, DicomTransferSyntax.ExplicitVRLittleEndian));
    }

    [Fact]
    public void Refuses_non_part_10_input()
    {
        Assert.Throws<DicomFormatException>(() => DicomFile.Read(new byte[100]));
        Assert.Throws<DicomFormatException>(() => DicomFile.Read(new byte[200]));
        var noTs = new byte[132 + 8];
        "DICM"u8.CopyTo(noTs.AsSpan(128));
        Assert.Throws<DicomFormatException>(() => DicomFile.Read(noTs));
        Assert.Throws<ArgumentException>(() => DicomFile.Create(new DicomDataset(), DicomTransferSyntax.ExplicitVRLittleEndian));
    }

    [SkippableTheory]
    [InlineData("1.2.840.10008.1.2.1", false)]
    [InlineData("1.2.840.10008.1.2.1", true)]
    [InlineData("1.2.840.10008.1.2", false)]
    [InlineData("1.2.840.10008.1.2", true)]
    public void Dcmdump_reads_what_we_write(string tsUid, bool undefinedLengths)
    {
        var dcmdump = DcmtkTool.Require("dcmdump");
        var path = Path.Combine(_dir, "sr.dcm");
        var ts = DicomTransferSyntax.Lookup(tsUid)!;
        File.WriteAllBytes(path, DicomFile.Create(SampleSr(), ts).Write(new DicomWriteOptions { UndefinedLengthSequences = undefinedLengths }));
        // -E: stop on any parse error; +U8: show values as UTF-8.
        var (exit, output) = DcmtkTool.Run(dcmdump, "-E", "+U8", path);
        Assert.True(exit == 0, output);
        Assert.DoesNotContain("E: ", output, StringComparison.Ordinal);
        Assert.DoesNotContain("W: ", output, StringComparison.Ordinal);
        Assert.Contains(ts.IsExplicitVR ? "Little Endian Explicit" : "Little Endian Implicit", output, StringComparison.Ordinal);
        Assert.Contains("(0010,0010) PN [Núñez^José]", output, StringComparison.Ordinal);
        Assert.Contains("(0008,0100) SH [121071]", output, StringComparison.Ordinal);
        Assert.Contains("(0040,a160) UT [Keine Auffälligkeiten.", output, StringComparison.Ordinal);
        Assert.Contains(undefinedLengths ? "Sequence with undefined length #=1" : "Sequence with explicit length #=1", output, StringComparison.Ordinal);
        Assert.Contains("(0002,0012) UI [" + DicomUid.ImplementationClassUid + "]", output, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void We_read_what_dump2dcm_writes()
    {
        var dump2dcm = DcmtkTool.Require("dump2dcm");
        var dump = Path.Combine(_dir, "in.dump");
        var dcm = Path.Combine(_dir, "in.dcm");
        // Latin-1 bytes in the dump: dump2dcm copies them verbatim.
        File.WriteAllBytes(dump, System.Text.Encoding.Latin1.GetBytes(
            "(0008,0005) CS [ISO_IR 100]\n(0008,0016) UI [1.2.840.10008.5.1.4.31]\n(0008,0018) UI [1.2.3.9]\n" +
            "(0010,0010) PN [Müller^Jürgen]\n(0040,0100) SQ (Sequence with undefined length)\n  (fffe,e000) na (Item with undefined length)\n" +
            "    (0008,0060) CS [MR]\n    (0040,0002) DA [20261128]\n  (fffe,e00d) na (ItemDelimitationItem)\n(fffe,e0dd) na (SequenceDelimitationItem)\n"));
        foreach (var mode in new[] { "+te", "+ti" })
        {
            var (exit, output) = DcmtkTool.Run(dump2dcm, mode, "-e", dump, dcm);
            Assert.True(exit == 0, output);
            var file = DicomFile.Read(File.ReadAllBytes(dcm));
            Assert.Equal("Müller^Jürgen", file.Dataset.GetString(DicomTags.PatientName));
            var sps = Assert.Single(file.Dataset.GetSequence(DicomTags.ScheduledProcedureStepSequence));
            Assert.Equal("20261128", sps.GetString(DicomTags.ScheduledProcedureStepStartDate));
        }
    }
}
