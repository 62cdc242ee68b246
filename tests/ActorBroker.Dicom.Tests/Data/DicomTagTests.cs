using ActorBroker.Dicom.Data;

namespace ActorBroker.Dicom.Tests.Data;

public sealed class DicomTagTests
{
    [Fact]
    public void Formats_and_orders_like_the_standard()
    {
        Assert.Equal("(0010,0010)", DicomTags.PatientName.ToString());
        Assert.Equal("(7FE0,0010)", DicomTags.PixelData.ToString());
        Assert.Equal(0x00100010u, DicomTags.PatientName.Value);
        Assert.True(DicomTags.PatientName < DicomTags.PatientID);
        Assert.True(DicomTags.SpecificCharacterSet.CompareTo(DicomTags.AccessionNumber) < 0);
        var sorted = new[] { DicomTags.PatientID, DicomTags.CommandField, DicomTags.PatientName }.Order().ToArray();
        Assert.Equal([DicomTags.CommandField, DicomTags.PatientName, DicomTags.PatientID], sorted);
    }

    [Theory]
    [InlineData("(0010,0010)")]
    [InlineData("0010,0010")]
    [InlineData("00100010")]
    public void Parses_common_spellings(string text) => Assert.Equal(DicomTags.PatientName, DicomTag.Parse(text));

    [Theory]
    [InlineData("")]
    [InlineData("(0010,001)")]
    [InlineData("ZZZZ,0010")]
    public void Rejects_non_tags(string text) => Assert.False(DicomTag.TryParse(text, out _));

    [Fact]
    public void Knows_private_and_group_length_tags()
    {
        Assert.True(new DicomTag(0x0009, 0x0010).IsPrivateCreator);
        Assert.True(new DicomTag(0x0009, 0x1001).IsPrivate);
        Assert.False(new DicomTag(0x0009, 0x1001).IsPrivateCreator);
        Assert.True(new DicomTag(0x0008, 0x0000).IsGroupLength);
    }
}
