using ActorBroker.Dicom.Data;
using static ActorBroker.Dicom.Tests.Data.TestBytes;

namespace ActorBroker.Dicom.Tests.Data;

public sealed class DicomDatasetReaderTests
{
    private static readonly DicomTransferSyntax Explicit = DicomTransferSyntax.ExplicitVRLittleEndian;
    private static readonly DicomTransferSyntax Implicit = DicomTransferSyntax.ImplicitVRLittleEndian;

    // An MWL identifier as dcmtk encodes it (dump2dcm +te, the same encoder findscu uses): the SPS item holds the
    // modality, station and a date range; the other keys are empty return keys.
    internal const string FindscuIdentifierExplicit =
        "0800050043530a0049534f5f495220313030" + // (0008,0005) CS "ISO_IR 100"
        "0800500053480000" +                     // (0008,0050) SH empty
        "10001000504e08004d3f6c6c65722a20" +     // (0010,0010) PN "M?ller* "
        "100020004c4f0000" +                     // (0010,0020) LO empty
        "20000d0055490000" +                     // (0020,000D) UI empty
        "4000000153510000" + "40000000" +        // (0040,0100) SQ, 32-bit length 64
        "feff00e038000000" +                     //   item, length 56
        "08006000435302004354" +                 //     (0008,0060) CS "CT"
        "400001004145040043543031" +             //     (0040,0001) AE "CT01"
        "4000020044411200" + "32303236313132372d323032363131323920" + //     (0040,0002) DA "20261127-20261129 "
        "40000300544d0000" +                     //     (0040,0003) TM empty
        "4000011053480000";                      // (0040,1001) SH empty

    // The same identifier in Implicit VR Little Endian (dump2dcm +ti).
    internal const string FindscuIdentifierImplicit =
        "080005000a00000049534f5f495220313030" + // (0008,0005) "ISO_IR 100"
        "0800500000000000" +                     // (0008,0050) empty
        "10001000080000004d3f6c6c65722a20" +     // (0010,0010) "M?ller* "
        "1000200000000000" +                     // (0010,0020) empty
        "20000d0000000000" +                     // (0020,000D) empty
        "4000000140000000" +                     // (0040,0100) length 64
        "feff00e038000000" +                     //   item, length 56
        "08006000020000004354" +                 //     (0008,0060) "CT"
        "400001000400000043543031" +             //     (0040,0001) "CT01"
        "4000020012000000" + "32303236313132372d323032363131323920" + //     (0040,0002) "20261127-20261129 "
        "4000030000000000" +                     //     (0040,0003) empty
        "4000011000000000";                      // (0040,1001) empty

    // An MPPS N-CREATE dataset shaped like dcmjs-dimse sends it: Explicit VR LE, ISO_IR 192, undefined-length
    // sequences and items, empty Type 2 elements. Verified with dcmdump when written.
    internal const string DcmjsNCreate =
        "0800050043530a0049534f5f495220313932" + // (0008,0005) CS "ISO_IR 192"
        "08006000435302004354" + // (0008,0060) CS "CT"
        "10001000504e0e004ec3bac3b1657a5e4a6f73c3a920" + // (0010,0010) PN "Núñez^José" UTF-8 + pad
        "100020004c4f040050494431" + // (0010,0020) LO "PID1"
        "2000100053480000" + // (0020,0010) SH empty (Type 2)
        "400041024145040043543031" + // (0040,0241) AE "CT01"
        "40004402444108003230323631313238" + // (0040,0244) DA
        "40004502544d0600303933303030" + // (0040,0245) TM
        "4000500244410000" + // (0040,0250) DA empty
        "40005102544d0000" + // (0040,0251) TM empty
        "4000520243530c00494e2050524f475245535320" + // (0040,0252) CS "IN PROGRESS "
        "400053025348040050505331" + // (0040,0253) SH "PPS1"
        "4000700253510000ffffffff" + // (0040,0270) SQ undefined length
        "feff00e0ffffffff" + //   item, undefined length
        "080050005348040041434331" + //     (0008,0050) SH "ACC1"
        "20000d0055490800312e322e332e3400" + //     (0020,000D) UI "1.2.3.4" + NUL
        "400009005348040053505331" + //     (0040,0009) SH "SPS1"
        "400001105348040052503120" + //     (0040,1001) SH "RP1 "
        "feff0de000000000" + //   item delimitation
        "feffdde000000000" + // sequence delimitation
        "4000400353510000ffffffff" + // (0040,0340) SQ undefined length, no items (Type 2)
        "feffdde000000000"; // sequence delimitation

    [Fact]
    public void Reads_an_explicit_VR_element_with_a_32_bit_length()
    {
        // (0040,A160) UT: tag, 'UT', 2 reserved bytes, 32-bit length 6, "Hello ".
        var bytes = Hex("4000 60A1 5554 0000 06000000 48656C6C6F20");
        var ds = DicomDatasetReader.Read(bytes, Explicit);
        var e = ds[DicomTags.TextValue]!;
        Assert.Equal(DicomVR.UT, e.VR);
        Assert.Equal(6, e.Length);
        Assert.Equal("Hello", ds.GetString(DicomTags.TextValue));
    }

    [Fact]
    public void Reads_an_explicit_VR_element_with_a_16_bit_length()
    {
        var bytes = Hex("1000 1000 504E 0800 446F655E4A6F686E"); // (0010,0010) PN 8 "Doe^John"
        var ds = DicomDatasetReader.Read(bytes, Explicit);
        Assert.Equal("Doe^John", ds.GetString(DicomTags.PatientName));
        Assert.Equal(DicomVR.PN, ds[DicomTags.PatientName]!.VR);
    }

    [Fact]
    public void Reads_undefined_and_defined_length_items_in_an_undefined_length_sequence()
    {
        var bytes = Hex(
            "4000 0001 5351 0000 FFFFFFFF" +   // (0040,0100) SQ, undefined length
            "FEFF 00E0 FFFFFFFF" +             //   item, undefined length
            "0800 6000 4353 0200 4354" +       //     (0008,0060) CS "CT"
            "FEFF 0DE0 00000000" +             //   item delimitation
            "FEFF 00E0 0A000000" +             //   item, length 10
            "0800 6000 4353 0200 4D52" +       //     (0008,0060) CS "MR"
            "FEFF DDE0 00000000" +             // sequence delimitation
            "4000 0110 5348 0400 52503120");   // (0040,1001) SH "RP1 " after the sequence
        var ds = DicomDatasetReader.Read(bytes, Explicit);
        var items = ds.GetSequence(DicomTags.ScheduledProcedureStepSequence);
        Assert.Equal(2, items.Count);
        Assert.Equal("CT", items[0].GetString(DicomTags.Modality));
        Assert.Equal("MR", items[1].GetString(DicomTags.Modality));
        Assert.Equal("RP1", ds.GetString(DicomTags.RequestedProcedureID));
    }

    [Fact]
    public void Reads_implicit_VR_with_the_dictionary_and_nested_undefined_sequences()
    {
        var bytes = Hex(
            "1000 1000 08000000 446F655E4A6F686E" + // (0010,0010) "Doe^John"
            "4000 0001 FFFFFFFF" +                  // (0040,0100) undefined length
            "FEFF 00E0 FFFFFFFF" +
            "4000 0800 FFFFFFFF" +                  //   (0040,0008) nested SQ, undefined length
            "FEFF 00E0 0A000000" +
            "0800 0001 02000000 3132" +             //     (0008,0100) "12"
            "FEFF DDE0 00000000" +
            "FEFF 0DE0 00000000" +
            "FEFF DDE0 00000000");
        var ds = DicomDatasetReader.Read(bytes, Implicit);
        Assert.Equal(DicomVR.PN, ds[DicomTags.PatientName]!.VR);
        var sps = Assert.Single(ds.GetSequence(DicomTags.ScheduledProcedureStepSequence));
        var code = Assert.Single(sps.GetSequence(DicomTags.ScheduledProtocolCodeSequence));
        Assert.Equal("12", code.GetString(DicomTags.CodeValue));
    }

    [Fact]
    public void Unknown_tags_in_implicit_VR_are_UN_and_survive_re_encoding_byte_for_byte()
    {
        var bytes = Hex(
            "0900 1000 08000000 41434D45434F5250" + // (0009,0010) private creator "ACMECORP" -> LO
            "0900 0110 04000000 01020304" +         // (0009,1001) private data -> UN
            "1000 1000 04000000 446F6520");         // (0010,0010)
        var ds = DicomDatasetReader.Read(bytes, Implicit);
        Assert.Equal(DicomVR.LO, ds[new DicomTag(0x0009, 0x0010)]!.VR);
        Assert.Equal(DicomVR.UN, ds[new DicomTag(0x0009, 0x1001)]!.VR);
        Assert.Equal(bytes, DicomDatasetWriter.Write(ds, Implicit));
        // ...and in Explicit VR the UN element keeps its bytes with a UN header.
        var back = DicomDatasetReader.Read(DicomDatasetWriter.Write(ds, Explicit), Explicit);
        Assert.Equal(new byte[] { 1, 2, 3, 4 }, back[new DicomTag(0x0009, 0x1001)]!.Value.ToArray());
    }

    [Fact]
    public void Unknown_tag_with_undefined_length_in_implicit_VR_is_read_as_a_sequence()
    {
        var bytes = Hex(
            "0900 1000 08000000 41434D45434F5250" +
            "0900 0210 FFFFFFFF" +                  // (0009,1002) undefined length: PS3.5 6.2.2, a sequence
            "FEFF 00E0 0C000000 1000 2000 04000000 50494431" +
            "FEFF DDE0 00000000");
        var ds = DicomDatasetReader.Read(bytes, Implicit);
        var item = Assert.Single(ds.GetSequence(new DicomTag(0x0009, 0x1002)));
        Assert.Equal("PID1", item.GetString(DicomTags.PatientID));
    }

    [Fact]
    public void Explicit_UN_with_undefined_length_is_an_implicit_VR_sequence()
    {
        var bytes = Hex(
            "0900 0210 554E 0000 FFFFFFFF" +
            "FEFF 00E0 FFFFFFFF 1000 2000 04000000 50494431 FEFF 0DE0 00000000" +
            "FEFF DDE0 00000000");
        var ds = DicomDatasetReader.Read(bytes, Explicit);
        Assert.Equal("PID1", Assert.Single(ds.GetSequence(new DicomTag(0x0009, 0x1002))).GetString(DicomTags.PatientID));
    }

    [Fact]
    public void Reads_the_MWL_identifier_findscu_sends_in_both_transfer_syntaxes()
    {
        foreach (var (hex, ts) in new[] { (FindscuIdentifierExplicit, Explicit), (FindscuIdentifierImplicit, Implicit) })
        {
            var ds = DicomDatasetReader.Read(Hex(hex), ts);
            Assert.Equal("ISO_IR 100", ds.GetString(DicomTags.SpecificCharacterSet));
            Assert.Equal("M?ller*", ds.GetString(DicomTags.PatientName));
            Assert.True(ds.Contains(DicomTags.AccessionNumber));
            Assert.Equal("", ds.GetString(DicomTags.AccessionNumber, "absent"));
            Assert.Equal("absent", ds.GetString(DicomTags.PatientBirthDate, "absent"));
            var sps = Assert.Single(ds.GetSequence(DicomTags.ScheduledProcedureStepSequence));
            Assert.Equal("CT", sps.GetString(DicomTags.Modality));
            Assert.Equal("CT01", sps.GetString(DicomTags.ScheduledStationAETitle));
            Assert.Equal("20261127-20261129", sps.GetString(DicomTags.ScheduledProcedureStepStartDate));
            Assert.True(sps.Contains(DicomTags.ScheduledProcedureStepStartTime));
            // Our writer produces dcmtk's bytes again.
            Assert.Equal(hex, ToHex(DicomDatasetWriter.Write(ds, ts)));
        }
    }

    [Fact]
    public void Reads_a_dcmjs_dimse_style_N_CREATE()
    {
        var ds = DicomDatasetReader.Read(Hex(DcmjsNCreate), Explicit);
        Assert.Equal("Núñez^José", ds.GetString(DicomTags.PatientName));
        Assert.Equal("IN PROGRESS", ds.GetString(DicomTags.PerformedProcedureStepStatus));
        Assert.True(ds[DicomTags.StudyID]!.IsEmpty);
        Assert.True(ds[DicomTags.PerformedProcedureStepEndDate]!.IsEmpty);
        var ssa = Assert.Single(ds.GetSequence(DicomTags.ScheduledStepAttributesSequence));
        Assert.Equal("ACC1", ssa.GetString(DicomTags.AccessionNumber));
        Assert.Equal("1.2.3.4", ssa.GetString(DicomTags.StudyInstanceUID));
        Assert.Equal("RP1", ssa.GetString(DicomTags.RequestedProcedureID));
        Assert.Same(ds, ssa.Parent);
        Assert.True(ds.Contains(DicomTags.PerformedSeriesSequence));
        Assert.Empty(ds.GetSequence(DicomTags.PerformedSeriesSequence));
        // Undefined-length re-encoding reproduces the peer's bytes exactly.
        var again = DicomDatasetWriter.Write(ds, Explicit, new DicomWriteOptions { UndefinedLengthSequences = true });
        Assert.Equal(DcmjsNCreate, ToHex(again));
    }

    [Fact]
    public void Group_length_elements_are_tolerated_and_dropped_except_command_and_meta()
    {
        var bytes = Hex("0800 0000 554C 0400 0A000000" + "0800 6000 4353 0200 4354");
        var ds = DicomDatasetReader.Read(bytes, Explicit);
        Assert.False(ds.Contains(new DicomTag(0x0008, 0x0000)));
        Assert.Equal("CT", ds.GetString(DicomTags.Modality));
    }

    [Fact]
    public void Out_of_order_elements_are_sorted()
    {
        var bytes = Hex("1000 2000 4C4F 0400 50494431" + "1000 1000 504E 0400 446F6520");
        var ds = DicomDatasetReader.Read(bytes, Explicit);
        Assert.Equal([DicomTags.PatientName, DicomTags.PatientID], ds.Select(e => e.Tag).ToArray());
    }

    [Fact]
    public void Encapsulated_pixel_data_is_kept_raw_and_written_back()
    {
        var bytes = Hex(
            "E07F 1000 4F42 0000 FFFFFFFF" +  // (7FE0,0010) OB undefined length
            "FEFF 00E0 00000000" +            //   basic offset table, empty
            "FEFF 00E0 04000000 FFD8FFD9" +   //   one fragment
            "FEFF DDE0 00000000");
        var ds = DicomDatasetReader.Read(bytes, DicomTransferSyntax.JPEGBaseline8Bit);
        var e = ds[DicomTags.PixelData]!;
        Assert.True(e.IsEncapsulated);
        Assert.Equal(bytes, DicomDatasetWriter.Write(ds, DicomTransferSyntax.JPEGBaseline8Bit));
    }
}
