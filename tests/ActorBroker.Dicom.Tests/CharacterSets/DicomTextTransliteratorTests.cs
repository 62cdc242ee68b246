using ActorBroker.Dicom.CharacterSets;

namespace ActorBroker.Dicom.Tests.CharacterSets;

public sealed class DicomTextTransliteratorTests
{
    [Theory]
    [InlineData("Núñez^José", "Nunez^Jose")]
    [InlineData("Müller^Jürgen", "Muller^Jurgen")]
    [InlineData("João", "Joao")]
    [InlineData("Dvořák", "Dvorak")]
    [InlineData("Øster^Æsa", "Oster^AEsa")]
    [InlineData("Łukasz Wałęsa", "Lukasz Walesa")]
    [InlineData("Strauß", "Strauss")]
    [InlineData("Đorđević", "Dordevic")]
    [InlineData("Œuvre", "OEuvre")]
    [InlineData("Þór", "THor")]
    [InlineData("ﬁne", "fine")]
    [InlineData("Ivanov Иванов", "Ivanov ??????")]
    [InlineData("山田^太郎", "??^??")]
    public void To_ASCII(string text, string expected)
    {
        var result = DicomTextTransliterator.ToRepertoire(text, DicomCharacterSet.Default);
        Assert.Equal(expected, result);
        Assert.True(DicomTextTransliterator.CanEncode(result, DicomCharacterSet.Default));
    }

    [Theory]
    [InlineData("Núñez^José", "Núñez^José")]
    [InlineData("Müller", "Müller")]
    [InlineData("Dvořák", "Dvorák")] // á is Latin-1, only ř needs folding
    [InlineData("Łukasz", "Lukasz")]
    [InlineData("Œuvre", "OEuvre")]
    [InlineData("Øster", "Øster")]
    public void To_Latin_1_keeps_what_Latin_1_has(string text, string expected)
    {
        var result = DicomTextTransliterator.ToRepertoire(text, DicomCharacterSet.Latin1);
        Assert.Equal(expected, result);
        Assert.True(DicomCharacterSet.Latin1.CanEncode(result));
    }

    [Fact]
    public void Decomposed_input_is_composed_first_and_lone_marks_dropped()
    {
        Assert.Equal("Núñez", DicomTextTransliterator.ToRepertoire("Nu\u0301n\u0303ez", DicomCharacterSet.Latin1));
        Assert.Equal("Nunez", DicomTextTransliterator.ToRepertoire("Nu\u0301n\u0303ez", DicomCharacterSet.Default));
        Assert.Equal("a", DicomTextTransliterator.ToRepertoire("\u0301a", DicomCharacterSet.Default));
    }

    [Fact]
    public void UTF_8_targets_need_nothing()
    {
        Assert.Equal("山田^太郎 Núñez", DicomTextTransliterator.ToRepertoire("山田^太郎 Núñez", DicomCharacterSet.Utf8));
        Assert.True(DicomTextTransliterator.CanEncode("Núñez", DicomCharacterSet.Utf8));
        Assert.False(DicomTextTransliterator.CanEncode("Núñez", DicomCharacterSet.Default));
    }
}
