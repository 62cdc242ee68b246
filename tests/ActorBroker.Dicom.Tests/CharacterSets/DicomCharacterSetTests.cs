using ActorBroker.Dicom.CharacterSets;
using ActorBroker.Dicom.Data;
using static ActorBroker.Dicom.Tests.Data.TestBytes;

namespace ActorBroker.Dicom.Tests.CharacterSets;

public sealed class DicomCharacterSetTests
{
    [Theory]
    [InlineData("ISO_IR 100", "Müller", "4DFC6C6C6572")]
    [InlineData("ISO_IR 192", "Núñez", "4EC3BAC3B1657A")]
    [InlineData("ISO_IR 101", "Dvořák", "44766FF8E16B")]
    [InlineData("ISO_IR 148", "Çavuşoğlu", "C7617675FE6FF06C75")]
    // Expected bytes cross-checked with Python's codecs (iso8859_x, tis_620, gb18030, gbk); Greek and Hebrew as in PS3.5 / pydicom test data.
    [InlineData("ISO_IR 126", "Διονυσιος", "C4E9EFEDF5F3E9EFF2")]
    [InlineData("ISO_IR 138", "שרון^דבורה", "F9F8E5EF5EE3E1E5F8E4")]
    [InlineData("ISO_IR 144", "Иванов", "B8D2D0DDDED2")]
    [InlineData("ISO_IR 127", "قباني", "E2C8C7E6EA")]
    [InlineData("ISO_IR 109", "Ġużeppi", "D575BF65707069")]
    [InlineData("ISO_IR 110", "Ķēniņš", "D3BA6E69F1B9")]
    [InlineData("ISO_IR 203", "€uro", "A475726F")]
    [InlineData("ISO_IR 166", "สมชาย", "CAC1AAD2C2")]
    [InlineData("GB18030", "王^小東", "CDF55ED0A1967C")]
    [InlineData("GBK", "王^小东", "CDF55ED0A1B6AB")]
    public void Encodes_and_decodes_single_character_sets(string term, string text, string hex)
    {
        var cs = DicomCharacterSet.Parse(term);
        Assert.Empty(cs.UnknownTerms);
        Assert.Equal(text, cs.Decode(Hex(hex), DicomVR.PN));
        Assert.Equal(hex, Convert.ToHexString(cs.Encode(text, DicomVR.PN)));
    }

    [Fact]
    public void Default_repertoire_encodes_ASCII_only_and_decodes_high_bytes_as_Latin_1()
    {
        var cs = DicomCharacterSet.Default;
        Assert.True(cs.IsDefaultRepertoire);
        Assert.Equal("", cs.SpecificCharacterSet);
        Assert.Equal("Muller", cs.Decode("Muller"u8, DicomVR.PN));
        // Lenient on the way in: a Latin-1 name from a modality that forgot (0008,0005) stays readable.
        Assert.Equal("Müller", cs.Decode(Hex("4DFC6C6C6572"), DicomVR.PN));
        Assert.Throws<DicomEncodingException>(() => cs.Encode("Müller", DicomVR.PN));
        Assert.False(cs.TryEncode("Müller", DicomVR.PN, out _));
        Assert.Equal(DicomCharacterSet.Default, DicomCharacterSet.Parse("ISO_IR 6"));
        Assert.Equal(DicomCharacterSet.Default, DicomCharacterSet.Parse(""));
    }

    [Fact]
    public void Strict_encoding_never_best_fits()
    {
        // .NET's Latin-1 encoder would write 'r' for 'ř' by default.
        var ex = Assert.Throws<DicomEncodingException>(() => DicomCharacterSet.Latin1.Encode("Dvořák", DicomVR.PN));
        Assert.Equal(3, ex.Index);
        Assert.Equal("ISO_IR 100", ex.SpecificCharacterSet);
        // Thai code page 874 puts '€' at 80H; TIS 620 (ISO_IR 166) has no '€'.
        Assert.False(DicomCharacterSet.Parse("ISO_IR 166").CanEncode("€"));
        // GB 2312 in ISO 2022 IR 58 has no traditional 東 (GBK does).
        Assert.False(DicomCharacterSet.Parse("\\ISO 2022 IR 58").CanEncode("東"));
        Assert.True(DicomCharacterSet.Parse("GBK").CanEncode("東"));
        Assert.True(DicomCharacterSet.Utf8.CanEncode("Dvořák 山田 😀"));
        Assert.False(DicomCharacterSet.Utf8.CanEncode("\uD800"));
    }

    // PS3.5 H.3.1: Japanese person name with ISO 2022 IR 87 in the ideographic and phonetic component groups.
    private const string JapaneseH31 =
        "59616D6164615E5461726F753D" +           // Yamada^Tarou=
        "1B2442" + "3B334544" + "1B2842" + "5E" + // ESC $ B 山田 ESC ( B ^
        "1B2442" + "42404F3A" + "1B2842" + "3D" + // ESC $ B 太郎 ESC ( B =
        "1B2442" + "2464245E2440" + "1B2842" + "5E" + // ESC $ B やまだ ESC ( B ^
        "1B2442" + "243F246D2426" + "1B2842";      // ESC $ B たろう ESC ( B

    [Fact]
    public void Decodes_and_encodes_the_PS3_5_H_3_1_Japanese_example()
    {
        var cs = DicomCharacterSet.Parse("\\ISO 2022 IR 87");
        Assert.True(cs.HasCodeExtensions);
        Assert.Equal("Yamada^Tarou=山田^太郎=やまだ^たろう", cs.Decode(Hex(JapaneseH31), DicomVR.PN));
        Assert.Equal(JapaneseH31, Convert.ToHexString(cs.Encode("Yamada^Tarou=山田^太郎=やまだ^たろう", DicomVR.PN)));
    }

    [Fact]
    public void Decodes_and_encodes_the_PS3_5_H_3_2_example_with_half_width_katakana()
    {
        // ISO 2022 IR 13 as value 1: G0 JIS X 0201 Romaji (ESC ( J restores it), G1 half-width katakana.
        const string hex = "D4CFC0DE5EC0DBB33D" + "1B24423B3345441B284A5E" + "1B244242404F3A1B284A3D" +
            "1B24422464245E24401B284A5E" + "1B2442243F246D24261B284A";
        var cs = DicomCharacterSet.Parse("ISO 2022 IR 13\\ISO 2022 IR 87");
        const string text = "ﾔﾏﾀﾞ^ﾀﾛｳ=山田^太郎=やまだ^たろう";
        Assert.Equal(text, cs.Decode(Hex(hex), DicomVR.PN));
        Assert.Equal(hex, Convert.ToHexString(cs.Encode(text, DicomVR.PN)));
    }

    [Fact]
    public void Decodes_and_encodes_Korean_in_G1_with_ISO_2022_IR_149()
    {
        // PS3.5 I.2: the escape sequence is repeated after every delimiter, which resets G1.
        const string hex = "486F6E675E47696C646F6E673D" + "1B242943FBF3" + "5E" + "1B242943D1CED4D7" + "3D" +
            "1B242943C8AB" + "5E" + "1B242943B1E6B5BF";
        var cs = DicomCharacterSet.Parse("\\ISO 2022 IR 149");
        Assert.Equal("Hong^Gildong=洪^吉洞=홍^길동", cs.Decode(Hex(hex), DicomVR.PN));
        Assert.Equal(hex, Convert.ToHexString(cs.Encode("Hong^Gildong=洪^吉洞=홍^길동", DicomVR.PN)));
    }

    [Fact]
    public void Decodes_and_encodes_simplified_Chinese_with_ISO_2022_IR_58()
    {
        // PS3.5 K.2 style: "Zhang^XiaoDong=张^小东=".
        const string hex = "5A68616E675E5869616F446F6E673D" + "1B242941D5C5" + "5E" + "1B242941D0A1B6AB" + "3D";
        var cs = DicomCharacterSet.Parse("\\ISO 2022 IR 58");
        Assert.Equal("Zhang^XiaoDong=张^小东=", cs.Decode(Hex(hex), DicomVR.PN));
        Assert.Equal(hex, Convert.ToHexString(cs.Encode("Zhang^XiaoDong=张^小东=", DicomVR.PN)));
    }

    [Fact]
    public void Control_characters_reset_to_the_initial_set_in_text()
    {
        // LT with JIS X 0208 switched on and no explicit switch back before CR LF (PS3.5 6.1.3 resets anyway).
        var cs = DicomCharacterSet.Parse("\\ISO 2022 IR 87");
        Assert.Equal("山\r\nAB", cs.Decode(Hex("1B24423B33" + "0D0A" + "4142"), DicomVR.LT));
        // Our encoder switches back explicitly before the control character.
        Assert.Equal("1B24423B331B28420D0A4142", Convert.ToHexString(cs.Encode("山\r\nAB", DicomVR.LT)));
        // In PN the '^' delimiter resets, in LT it does not (it is text there).
        Assert.Equal("山^" + "\uFFFD", cs.Decode(Hex("1B24423B33" + "1B2842" + "5E" + "1B"), DicomVR.PN));
    }

    [Fact]
    public void Latin_sets_with_code_extensions_switch_G1()
    {
        // Value 1 Latin-1, value 2 Greek: each designated by ESC - F as needed.
        var cs = DicomCharacterSet.Parse("ISO 2022 IR 100\\ISO 2022 IR 126");
        var bytes = cs.Encode("Müller Δ", DicomVR.LO);
        Assert.Equal("4DFC6C6C657220" + "1B2D46C4" + "1B2D41", Convert.ToHexString(bytes));
        Assert.Equal("Müller Δ", cs.Decode(bytes, DicomVR.LO));
    }

    [Fact]
    public void The_alphabetic_group_of_a_person_name_takes_no_escape_sequences()
    {
        var cs = DicomCharacterSet.Parse("ISO 2022 IR 100\\ISO 2022 IR 126");
        Assert.Throws<DicomEncodingException>(() => cs.Encode("Δημήτρης", DicomVR.PN));
        // Müller = ESC - F Δημήτρης ESC - A
        Assert.Equal("4DFC6C6C65723D" + "1B2D46" + "C4E7ECDEF4F1E7F2" + "1B2D41", Convert.ToHexString(cs.Encode("Müller=Δημήτρης", DicomVR.PN)));
        // In LO the same text may switch sets anywhere.
        Assert.True(cs.CanEncode("Δημήτρης", DicomVR.LO));
        // Japanese: the romaji group is ASCII, the kanji group designates JIS X 0208.
        Assert.Throws<DicomEncodingException>(() => DicomCharacterSet.Parse("\\ISO 2022 IR 87").Encode("山田^太郎", DicomVR.PN));
        // The transliterator fits the alphabetic group to value 1 and leaves the others to the code extensions.
        Assert.Equal("????????^Hans=Δημήτρης", DicomTextTransliterator.ToRepertoire("Δημήτρης^Hans=Δημήτρης", cs, DicomVR.PN));
    }

    [Fact]
    public void JIS_X_0212_round_trips()
    {
        var cs = DicomCharacterSet.Parse("\\ISO 2022 IR 87\\ISO 2022 IR 159");
        // 丂 is in JIS X 0212 only (row 16, cell 1 = 30H 21H); 山 in JIS X 0208.
        var bytes = cs.Encode("丂山", DicomVR.LO);
        Assert.Equal("1B242844" + "3021" + "1B2442" + "3B33" + "1B2842", Convert.ToHexString(bytes));
        Assert.Equal("丂山", cs.Decode(bytes, DicomVR.LO));
    }

    [Fact]
    public void Unknown_terms_are_tolerated_and_reported()
    {
        var cs = DicomCharacterSet.Parse("ISO_IR 999");
        Assert.Equal(["ISO_IR 999"], cs.UnknownTerms);
        Assert.Equal("Müller", cs.Decode(Hex("4DFC6C6C6572"), DicomVR.PN));
        Assert.False(DicomCharacterSets.IsSupported("ISO_IR 999"));
        // UTF-8 cannot be combined with code extensions: the extra value is ignored, reported as unknown.
        var mixed = DicomCharacterSet.Parse("ISO_IR 192\\ISO 2022 IR 87");
        Assert.Equal(["ISO 2022 IR 87"], mixed.UnknownTerms);
        Assert.Equal("Núñez", mixed.Decode(Hex("4EC3BAC3B1657A"), DicomVR.PN));
    }

    [Fact]
    public void Every_defined_term_is_usable_here()
    {
        foreach (var term in DicomCharacterSets.DefinedTerms)
        {
            Assert.True(DicomCharacterSets.TryGet(term, out var cs), term);
            Assert.Equal("A^B", cs.Decode(cs.Encode("A^B", DicomVR.PN), DicomVR.PN));
        }
        Assert.False(DicomCharacterSets.TryGet("ISO_IR 12345", out _));
        Assert.True(DicomCharacterSets.TryGet(" ISO_IR 100 ", out var latin1));
        Assert.Equal(DicomCharacterSet.Latin1, latin1);
    }

    [Fact]
    public void Multi_valued_GBK_is_split_after_decoding()
    {
        // 5CH as the trail byte of a GBK character is not a value delimiter.
        var ds = new DicomDataset().Set(DicomTags.SpecificCharacterSet, DicomVR.CS, "GBK")
            .SetValues(DicomTags.AdmittingDiagnosesDescription, DicomVR.LO, ["乗", "B"]);
        Assert.Contains((byte)0x5C, ds[DicomTags.AdmittingDiagnosesDescription]!.Value.ToArray()[..2]);
        Assert.Equal(["乗", "B"], ds.GetStrings(DicomTags.AdmittingDiagnosesDescription));
    }
}
