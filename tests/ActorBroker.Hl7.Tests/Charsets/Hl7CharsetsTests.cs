namespace ActorBroker.Hl7.Tests.Charsets;

public sealed class Hl7CharsetsTests
{
    [Theory]
    [InlineData(null, "utf-8")]
    [InlineData("", "utf-8")]
    [InlineData("ASCII", "utf-8")]
    [InlineData("8859/1", "iso-8859-1")]
    [InlineData("8859/15", "iso-8859-15")]
    [InlineData("8859/2", "iso-8859-2")]
    [InlineData("UNICODE UTF-8", "utf-8")]
    [InlineData("unicode utf-8", "utf-8")]
    [InlineData("UTF-8", "utf-8")]
    public void Resolves_table_0211_names(string? msh18, string webName)
    {
        Assert.Equal(webName, Hl7Charsets.Resolve(msh18).WebName);
    }

    [Fact]
    public void UTF8_has_no_BOM()
    {
        Assert.Empty(Hl7Charsets.Resolve("UNICODE UTF-8").GetPreamble());
    }

    [Theory]
    [InlineData("UNICODE UTF-16")]
    [InlineData("BIG-5")]
    [InlineData("EBCDIC")]
    public void Refuses_unknown_or_unsafe_charsets_naming_MSH_18(string msh18)
    {
        var e = Assert.Throws<Hl7Exception>(() => Hl7Charsets.Resolve(msh18));

        Assert.Equal(Hl7ErrorCode.TableValueNotFound, e.Error.Code);
        Assert.Equal(AckCode.AE, e.SuggestedAck);
        Assert.Equal("MSH-18", e.Error.Location!.Value.ToString());
        Assert.False(Hl7Charsets.TryResolve(msh18, out _));
    }

    [Fact]
    public void Sniffs_undeclared_bytes()
    {
        Assert.Equal("utf-8", Hl7Charsets.ResolveForMessage(null, "Ñ"u8).WebName);
        Assert.Equal("iso-8859-1", Hl7Charsets.ResolveForMessage("ASCII", [0xD1]).WebName);
        Assert.Equal("iso-8859-1", Hl7Charsets.ResolveForMessage("8859/1", "Ñ"u8).WebName); // declared wins
    }
}
