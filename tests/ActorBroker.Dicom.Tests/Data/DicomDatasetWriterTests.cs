using ActorBroker.Dicom.Data;
using static ActorBroker.Dicom.Tests.Data.TestBytes;

namespace ActorBroker.Dicom.Tests.Data;

public sealed class DicomDatasetWriterTests
{
    private static readonly DicomTransferSyntax Explicit = DicomTransferSyntax.ExplicitVRLittleEndian;
    private static readonly DicomTransferSyntax Implicit = DicomTransferSyntax.ImplicitVRLittleEndian;

    [Fact]
    public void Pads_strings_with_space_and_UIDs_with_NUL()
    {
        var ds = new DicomDataset()
            .Set(DicomTags.Modality, DicomVR.CS, "MRI")
            .Set(DicomTags.StudyInstanceUID, DicomVR.UI, "1.2.3");
        Assert.Equal(Hex("0800 6000 4353 0400 4D524920" + "2000 0D00 5549 0600 312E322E3300"), DicomDatasetWriter.Write(ds, Explicit));
        Assert.Equal(Hex("0800 6000 04000000 4D524920" + "2000 0D00 06000000 312E322E3300"), DicomDatasetWriter.Write(ds, Implicit));
        Assert.Equal("MRI", ds.GetString(DicomTags.Modality));
        Assert.Equal("1.2.3", ds.GetString(DicomTags.StudyInstanceUID));
    }

    [Fact]
    public void Writes_32_bit_length_header_for_UT_and_SQ()
    {
        var ds = new DicomDataset()
            .Set(DicomTags.TextValue, DicomVR.UT, "Hi")
            .SetSequence(DicomTags.ConceptNameCodeSequence, [new DicomDataset().Set(DicomTags.CodeValue, DicomVR.SH, "12")]);
        Assert.Equal(
            Hex("4000 43A0 5351 0000 12000000" + "FEFF 00E0 0A000000" + "0800 0001 5348 0200 3132" +
                "4000 60A1 5554 0000 02000000 4869"),
            DicomDatasetWriter.Write(ds, Explicit));
    }

    [Fact]
    public void Undefined_length_sequences_on_request()
    {
        var ds = new DicomDataset().SetSequence(DicomTags.ScheduledProcedureStepSequence,
            [new DicomDataset().Set(DicomTags.Modality, DicomVR.CS, "CT")]);
        var bytes = DicomDatasetWriter.Write(ds, Implicit, new DicomWriteOptions { UndefinedLengthSequences = true });
        Assert.Equal(Hex("4000 0001 FFFFFFFF FEFF 00E0 FFFFFFFF 0800 6000 02000000 4354 FEFF 0DE0 00000000 FEFF DDE0 00000000"), bytes);
        Assert.Equal("CT", DicomDatasetReader.Read(bytes, Implicit).GetSequence(DicomTags.ScheduledProcedureStepSequence)[0].GetString(DicomTags.Modality));
    }

    [Fact]
    public void Command_sets_get_their_group_length_and_implicit_VR()
    {
        // A C-ECHO-RQ (PS3.7 9.3.5): group length covers everything after it.
        var cmd = new DicomDataset()
            .Set(DicomTags.AffectedSOPClassUID, DicomVR.UI, "1.2.840.10008.1.1")
            .SetUInt16(DicomTags.CommandField, 0x0030)
            .SetUInt16(DicomTags.MessageID, 7)
            .SetUInt16(DicomTags.CommandDataSetType, 0x0101)
            .SetUInt32(DicomTags.CommandGroupLength, 999); // stale: ignored and recomputed
        var bytes = DicomDatasetWriter.WriteCommand(cmd);
        Assert.Equal(
            Hex("0000 0000 04000000 38000000" +
                "0000 0200 12000000 312E322E3834302E31303030382E312E3100" +
                "0000 0001 02000000 3000" +
                "0000 1001 02000000 0700" +
                "0000 0008 02000000 0101"),
            bytes);
        var back = DicomDatasetReader.ReadCommand(bytes);
        Assert.Equal((uint)(bytes.Length - 12), back.GetUInt32(DicomTags.CommandGroupLength));
        Assert.Equal(0x0030, back.GetUInt16(DicomTags.CommandField));
        Assert.Equal("1.2.840.10008.1.1", back.GetString(DicomTags.AffectedSOPClassUID));
        Assert.Throws<ArgumentException>(() => DicomDatasetWriter.WriteCommand(new DicomDataset().Set(DicomTags.PatientID, DicomVR.LO, "x")));
    }

    [Fact]
    public void Buffer_writer_overload_and_measured_length_agree()
    {
        var ds = DicomDatasetReader.Read(Hex(DicomDatasetReaderTests.DcmjsNCreate), Explicit);
        foreach (var ts in new[] { Explicit, Implicit })
        {
            var array = DicomDatasetWriter.Write(ds, ts);
            var buffer = new System.Buffers.ArrayBufferWriter<byte>(16);
            DicomDatasetWriter.Write(ds, ts, buffer);
            Assert.Equal(array, buffer.WrittenSpan.ToArray());
            Assert.Equal(array.Length, DicomDatasetWriter.GetEncodedLength(ds, ts));
        }
    }

    [Fact]
    public void Round_trips_between_transfer_syntaxes_preserve_every_value()
    {
        var original = DicomDatasetReader.Read(Hex(DicomDatasetReaderTests.DcmjsNCreate), Explicit);
        var viaImplicit = DicomDatasetReader.Read(DicomDatasetWriter.Write(original, Implicit), Implicit);
        var backToExplicit = DicomDatasetWriter.Write(viaImplicit, Explicit, new DicomWriteOptions { UndefinedLengthSequences = true });
        Assert.Equal(DicomDatasetReaderTests.DcmjsNCreate, ToHex(backToExplicit));
    }

    [Fact]
    public void A_16_bit_length_VR_that_overflows_is_an_error_not_a_truncation()
    {
        var ds = new DicomDataset().SetBytes(new DicomTag(0x0028, 0x1201), DicomVR.US, new byte[70_000]);
        Assert.Throws<InvalidOperationException>(() => DicomDatasetWriter.Write(ds, Explicit));
        Assert.Equal(70_008, DicomDatasetWriter.Write(ds, Implicit).Length);
    }
}
