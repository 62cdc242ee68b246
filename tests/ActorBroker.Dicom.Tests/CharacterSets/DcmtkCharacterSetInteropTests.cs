using ActorBroker.Dicom.Data;
using ActorBroker.Dicom.Tests.Data;

namespace ActorBroker.Dicom.Tests.CharacterSets;

/// <summary>
/// Our encoder against dcmtk's decoder: dcmdump +U8 converts every value from (0008,0005) to UTF-8 with its own
/// ISO 2022 handling (iconv), so identical text means our escape sequences and bytes are what dcmtk expects,
/// and no warning means dcmtk found nothing to object to (e.g. escape sequences in a PN alphabetic group).
/// </summary>
public sealed class DcmtkCharacterSetInteropTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("abcharset").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [SkippableTheory]
    [InlineData("ISO_IR 100", "Müller^Jürgen", "Bemerkung: Größe")]
    [InlineData("ISO_IR 101", "Dvořák^Antonín", "Łódź")]
    [InlineData("ISO_IR 144", "Иванов^Иван", "Москва")]
    [InlineData("ISO_IR 126", "Διονυσιος", "Αθήνα")]
    [InlineData("ISO_IR 148", "Çavuşoğlu^Şükrü", "İzmir")]
    [InlineData("ISO_IR 192", "Núñez^José", "山田 😀")]
    [InlineData("GB18030", "王^小東", "北京")]
    [InlineData("\\ISO 2022 IR 149", "Hong^Gildong=洪^吉洞=홍^길동", "서울")]
    [InlineData("\\ISO 2022 IR 58", "Zhang^XiaoDong=张^小东=", "北京")]
    [InlineData("ISO 2022 IR 100\\ISO 2022 IR 126", "Müller^Jürgen=Δημήτρης", "Größe Αθήνα")]
    // Not here: ISO 2022 IR 87/159 (Japanese). Debian's dcmtk converts through glibc iconv, which has no
    // JIS X 0208 conversion for DICOM ("not supported by the utilized character set conversion library");
    // those encoders are checked byte for byte against PS3.5 H.3.1/H.3.2 and Python's iso2022_jp codecs instead.
    public void Dcmdump_decodes_what_we_encode_to_the_same_text(string charset, string name, string text)
    {
        var dcmdump = DcmtkTool.Require("dcmdump");
        var ds = new DicomDataset()
            .Set(DicomTags.SpecificCharacterSet, DicomVR.CS, charset)
            .Set(DicomTags.SOPClassUID, DicomVR.UI, "1.2.840.10008.5.1.4.1.1.88.11")
            .Set(DicomTags.SOPInstanceUID, DicomVR.UI, "2.25.42")
            .Set(DicomTags.PatientName, DicomVR.PN, name)
            .Set(DicomTags.StudyDescription, DicomVR.LO, text);
        var path = Path.Combine(_dir, "cs.dcm");
        File.WriteAllBytes(path, DicomFile.Create(ds, DicomTransferSyntax.ExplicitVRLittleEndian).Write());
        var (exit, output) = DcmtkTool.Run(dcmdump, "+U8", path);
        Assert.True(exit == 0, output);
        Assert.False(output.Contains("W: ", StringComparison.Ordinal), output);
        Assert.Contains($"(0010,0010) PN [{name}]", output, StringComparison.Ordinal);
        Assert.Contains($"(0008,1030) LO [{text}]", output, StringComparison.Ordinal);
        // ...and we read our own bytes back to the same text.
        var back = DicomFile.Read(File.ReadAllBytes(path)).Dataset;
        Assert.Equal(name, back.GetString(DicomTags.PatientName));
        Assert.Equal(text, back.GetString(DicomTags.StudyDescription));
    }
}
