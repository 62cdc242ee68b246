using ActorBroker.Dicom.Data;

namespace ActorBroker.Dicom.Tests.Data;

public sealed class DicomVRTests
{
    [Fact]
    public void Knows_every_VR_of_PS3_5_table_6_2_1()
    {
        var codes = DicomVR.All.Select(v => v.Code).ToArray();
        Assert.Equal(34, codes.Length);
        foreach (var code in "AE AS AT CS DA DS DT FD FL IS LO LT OB OD OF OL OV OW PN SH SL SQ SS ST SV TM UC UI UL UN UR US UT UV".Split(' '))
        {
            Assert.Contains(code, codes);
            Assert.True(DicomVR.TryParse(code, out var vr));
            Assert.True(vr.IsKnown);
        }
        Assert.False(DicomVR.TryParse("XX", out _));
        Assert.False(default(DicomVR).IsKnown);
    }

    [Theory]
    // PS3.5 7.1.2: OB, OD, OF, OL, OV, OW, SQ, SV, UC, UN, UR, UT, UV have the 12-byte header with a 32-bit length.
    [InlineData("OB", true)]
    [InlineData("OD", true)]
    [InlineData("OF", true)]
    [InlineData("OL", true)]
    [InlineData("OV", true)]
    [InlineData("OW", true)]
    [InlineData("SQ", true)]
    [InlineData("SV", true)]
    [InlineData("UC", true)]
    [InlineData("UN", true)]
    [InlineData("UR", true)]
    [InlineData("UT", true)]
    [InlineData("UV", true)]
    [InlineData("PN", false)]
    [InlineData("UI", false)]
    [InlineData("US", false)]
    [InlineData("LT", false)]
    [InlineData("AT", false)]
    public void Explicit_header_form(string code, bool longLength)
    {
        var vr = DicomVR.Parse(code);
        Assert.Equal(longLength, vr.Is32BitLength);
        Assert.Equal(longLength ? 12 : 8, vr.ExplicitHeaderLength);
    }

    [Fact]
    public void Padding_and_text_classes()
    {
        Assert.Equal(0x00, DicomVR.UI.PaddingByte);
        Assert.Equal(0x00, DicomVR.OB.PaddingByte);
        Assert.Equal(0x00, DicomVR.UN.PaddingByte);
        Assert.Equal(0x20, DicomVR.PN.PaddingByte);
        Assert.Equal(0x20, DicomVR.CS.PaddingByte);
        Assert.Equal(0x20, DicomVR.UT.PaddingByte);
        Assert.True(DicomVR.PN.IsPersonName && DicomVR.PN.IsString && DicomVR.PN.IsCharacterSetSensitive);
        Assert.True(DicomVR.UT.IsText && !DicomVR.UT.IsMultiValueString);
        Assert.True(DicomVR.LO.IsMultiValueString && !DicomVR.LO.IsText);
        Assert.False(DicomVR.CS.IsCharacterSetSensitive);
        Assert.False(DicomVR.UI.IsCharacterSetSensitive);
        Assert.True(DicomVR.US.IsBinary && !DicomVR.US.IsString);
        Assert.Equal(2, DicomVR.US.ValueSize);
        Assert.Equal(8, DicomVR.FD.ValueSize);
        Assert.Equal(16, DicomVR.SH.MaxLength);
    }
}
