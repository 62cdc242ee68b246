using System.Text;

namespace ActorBroker.Hl7.Tests.Er7;

public sealed class Hl7EscapingTests
{
    private static readonly Hl7Delimiters D = Hl7Delimiters.Default;

    [Theory]
    [InlineData("A|B", "A\\F\\B")]
    [InlineData("A^B", "A\\S\\B")]
    [InlineData("A&B", "A\\T\\B")]
    [InlineData("A~B", "A\\R\\B")]
    [InlineData("A\\B", "A\\E\\B")]
    [InlineData("line1\r\nline2\nline3", "line1\\.br\\line2\\.br\\line3")]
    [InlineData("bell\u0007", "bell\\X07\\")]
    [InlineData("plain text", "plain text")]
    [InlineData("keep \\.br\\ and \\H\\bold\\N\\", "keep \\.br\\ and \\H\\bold\\N\\")]
    public void Escapes_delimiters_and_line_breaks_but_keeps_formatting(string value, string escaped)
    {
        Assert.Equal(escaped, Hl7Escaping.Escape(value, D));
    }

    [Theory]
    [InlineData("A\\F\\B\\S\\C\\T\\D\\R\\E\\E\\F", "A|B^C&D~E\\F")]
    [InlineData("caf\\XC3A9\\", "café")]
    [InlineData("first\\.br\\second", "first\\.br\\second")]
    [InlineData("\\H\\bold\\N\\", "\\H\\bold\\N\\")]
    [InlineData("\\.sp2\\x", "\\.sp2\\x")]
    [InlineData("unterminated \\F", "unterminated \\F")]
    [InlineData("\\Zlocal\\", "\\Zlocal\\")]
    [InlineData("bad hex \\XZZ\\", "bad hex \\XZZ\\")]
    public void Unescapes_strings(string value, string expected)
    {
        Assert.Equal(expected, Hl7Escaping.Unescape(value, D));
    }

    [Fact]
    public void Hex_escapes_decode_through_the_given_charset()
    {
        Assert.Equal("Ü", Hl7Escaping.Unescape("\\XDC\\", D, Encoding.Latin1));
        Assert.Equal("Ü", Hl7Escaping.Unescape("\\XC39C\\", D, Encoding.UTF8));
    }

    [Theory]
    [InlineData("O'BRIEN & SONS | 50% ^ up ~ \\ done")]
    [InlineData("multi\nline")]
    [InlineData("formatted\\.br\\text")]
    [InlineData("")]
    public void Escape_then_unescape_round_trips(string value)
    {
        var back = Hl7Escaping.Unescape(Hl7Escaping.Escape(value, D), D);

        Assert.Equal(value.Replace("\n", "\\.br\\", StringComparison.Ordinal), back);
    }

    [Fact]
    public void Message_values_decode_escapes_and_hex_through_the_message_charset()
    {
        // \XDC\ is Ü in ISO 8859-1: the hex bytes go through MSH-18, not through UTF-8.
        var bytes = Encoding.Latin1.GetBytes("MSH|^~\\&|A|B|||||ADT^A08|1|P|2.5||||||8859/1\rNTE|1||M\\XDC\\LLER \\T\\ S\\.br\\next\r");
        var nte = Hl7Message.Parse(bytes).Find("NTE")!.Value;

        Assert.Equal("MÜLLER & S\\.br\\next", new Nte(nte).Comment);
        Assert.Equal("MÜLLER & S\\.br\\next", nte.Get(3));
    }

    [Fact]
    public void Nte_joins_comment_repetitions_with_newlines()
    {
        var message = Hl7Message.Parse(TestSamples.Er7("MSH|^~\\&|A", "NTE|1|L|first~second \\F\\ part"));

        Assert.Equal("first\nsecond | part", new Nte(message[1]).Comment);
        Assert.Equal("L", new Nte(message[1]).SourceOfComment);
    }
}
