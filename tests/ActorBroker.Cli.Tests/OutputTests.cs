using System.Text.Json;
using ActorBroker.Cli.Output;

namespace ActorBroker.Cli.Tests;

public class OutputTests
{
    [Theory]
    [InlineData("NUNEZ", 5)]
    [InlineData("NÚÑEZ", 5)]
    [InlineData("NU\u0301N\u0303EZ", 5)] // decomposed accents
    [InlineData("山田^太郎", 9)]
    [InlineData("김민준", 6)]
    [InlineData("ＡＢ", 4)] // fullwidth
    [InlineData("Ελένη", 5)]
    [InlineData("a\u200Bb", 2)] // zero width space
    [InlineData("🙂", 2)]
    public void Display_width(string text, int width) => Assert.Equal(width, DisplayWidth.Of(text));

    [Fact]
    public void Table_aligns_by_display_width_and_has_no_trailing_spaces()
    {
        var table = new TableWriter("Name", "Modality", "Note")
            .AddRow("NÚÑEZ^JOSÉ", "CT", "")
            .AddRow("NU\u0301N\u0303EZ^JOSE\u0301", "MR", "x")
            .AddRow("山田^太郎", "US", null)
            .AddRow("SMITH", "XA", "y");

        Assert.Equal(
            "NAME        MODALITY  NOTE\n" +
            "NÚÑEZ^JOSÉ  CT        -\n" +
            "NU\u0301N\u0303EZ^JOSE\u0301  MR        x\n" +
            "山田^太郎   US        -\n" +
            "SMITH       XA        y\n",
            table.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Right_aligned_column_and_row_shape_checked()
    {
        var table = new TableWriter(new Column("#", Align.Right), new Column("Type"))
            .AddRow("1", "A")
            .AddRow("100", "B");

        Assert.Equal("  #  TYPE\n  1  A\n100  B\n", table.ToString().ReplaceLineEndings("\n"));
        Assert.Throws<ArgumentException>(() => table.AddRow("only one"));
    }

    [Fact]
    public void Json_output_is_indented_and_keeps_non_ascii_but_escapes_controls()
    {
        using var document = JsonDocument.Parse("""{"name":"N\u00daÑEZ 山田","raw":"A\rB\"C<>&'","n":1.50,"list":[]}""");

        var text = JsonOutput.Format(document.RootElement).ReplaceLineEndings("\n");

        Assert.Equal("{\n  \"name\": \"NÚÑEZ 山田\",\n  \"raw\": \"A\\rB\\\"C<>&'\",\n  \"n\": 1.50,\n  \"list\": []\n}", text);
    }

    [Fact]
    public void Hl7_segments_become_lines()
    {
        Assert.Equal(["MSH|^~\\&|A", "PID|1", "OBR|1"], TerminalText.Segments("MSH|^~\\&|A\rPID|1\r\nOBR|1\r\r"));
        Assert.Equal(["MSH|\\x1B[31m|\\u202E"], TerminalText.Segments("MSH|\u001b[31m|\u202e"));
    }

    [Theory]
    [InlineData("2026-11-28T10:30:00-06:00", "2026-11-28 10:30:00 -06:00")]
    [InlineData("2026-11-28T14:50:00.1234567+00:00", "2026-11-28 14:50:00 +00:00")]
    [InlineData("2026-11-28T14:50:00Z", "2026-11-28 14:50:00 +00:00")]
    [InlineData("2026-11-28T14:50:00", "2026-11-28T14:50:00")] // no offset: shown as received
    [InlineData("20261128103000", "20261128103000")]
    [InlineData(null, null)]
    public void Timestamps(string? text, string? shown) => Assert.Equal(shown, Formats.Timestamp(text));

    [Theory]
    [InlineData(4.9, "4s")]
    [InlineData(64, "1m 04s")]
    [InlineData(7384.4, "2h 03m 04s")]
    [InlineData(93784, "1d 02h 03m 04s")]
    public void Durations(double seconds, string shown) => Assert.Equal(shown, Formats.Duration(seconds));

    [Theory]
    [InlineData("20261128101500", "2026-11-28 10:15:00")]
    [InlineData("20261128101500.123456", "2026-11-28 10:15:00.123456")]
    [InlineData("20261128101500+0100", "2026-11-28 10:15:00 +01:00")]
    [InlineData("20261128101500.5-0600", "2026-11-28 10:15:00.5 -06:00")]
    [InlineData("202611281015", "2026-11-28 10:15")]
    [InlineData("20261128", "2026-11-28")]
    [InlineData("2026", "2026")]
    [InlineData("20261128101500 ", "2026-11-28 10:15:00")] // DICOM pads to even length with a space
    [InlineData("2026-11-28T10:15:00Z", "2026-11-28T10:15:00Z")] // not DT: as received
    [InlineData("20261128101500.1234567", "20261128101500.1234567")] // fraction too long
    [InlineData("", "")]
    [InlineData(null, null)]
    public void Dicom_date_times(string? text, string? shown) => Assert.Equal(shown, Formats.DicomDateTime(text));

    [Theory]
    [InlineData("short", 10, "short")]
    [InlineData("exactly10!", 10, "exactly10!")]
    [InlineData("eleven chars", 10, "eleven ch…")]
    [InlineData("山田太郎山田", 7, "山田太…")] // never half a wide character
    [InlineData("NU\u0301NEZ", 3, "NU\u0301…")] // the accent stays with its letter
    [InlineData("ab🙂cd", 4, "ab…")]
    public void Truncate_to_display_columns(string text, int width, string shown)
    {
        var cut = DisplayWidth.Truncate(text, width);

        Assert.Equal(shown, cut);
        Assert.True(DisplayWidth.Of(cut) <= width);
    }

    [Fact]
    public void Clip_makes_text_terminal_safe_before_cutting()
    {
        Assert.Equal("AE\\rERR|\\x1B…", Formats.Clip("AE\rERR|\u001b[31mred", 13));
        Assert.Null(Formats.Clip(null, 10));
    }
}
