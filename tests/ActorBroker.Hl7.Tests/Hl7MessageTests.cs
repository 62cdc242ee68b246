using System.Text;

namespace ActorBroker.Hl7.Tests;

public sealed class Hl7MessageTests
{
    [Fact]
    public void Unknown_MSH_18_is_AE_table_value_not_found_naming_MSH_18()
    {
        var bytes = TestSamples.Er7("MSH|^~\\&|A|B|||||ORM^O01|C9|P|2.5.1||||||KLINGON-8", "PID|1");

        var e = Assert.Throws<Hl7Exception>(() => Hl7Message.Parse(bytes));

        Assert.Equal(AckCode.AE, e.SuggestedAck);
        Assert.Equal(Hl7ErrorCode.TableValueNotFound, e.Error.Code);
        Assert.Equal(new Hl7Location("MSH", 1, 18), e.Error.Location);
        Assert.Contains("MSH-18", e.Error.Message, StringComparison.Ordinal);
        Assert.Contains("KLINGON-8", e.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Not_HL7_is_AR()
    {
        var e = Assert.Throws<Hl7Exception>(() => Hl7Message.Parse("GET / HTTP/1.1\r\n\r\n"u8.ToArray()));

        Assert.Equal(AckCode.AR, e.SuggestedAck);
        Assert.Null(e.Error.Location);
        Assert.False(Hl7Message.TryParse(Array.Empty<byte>(), out _, out var empty));
        Assert.Equal(AckCode.AR, empty.SuggestedAck);
    }

    [Fact]
    public void Without_MSH_18_valid_UTF8_is_read_as_UTF8_and_other_bytes_as_Latin1()
    {
        var utf8 = Hl7Message.Parse(Encoding.UTF8.GetBytes("MSH|^~\\&|A\rPID|1||X||NÚÑEZ\r"));
        var latin1 = Hl7Message.Parse(Encoding.Latin1.GetBytes("MSH|^~\\&|A\rPID|1||X||NÚÑEZ\r"));

        Assert.Null(utf8.CharacterSet);
        Assert.Equal("NÚÑEZ", utf8[1].Get(5));
        Assert.Equal("NÚÑEZ", latin1[1].Get(5));
        Assert.Equal("iso-8859-1", latin1.TextEncoding.WebName);
    }

    [Fact]
    public void MSH_18_8859_15_reads_the_euro_sign()
    {
        var encoding = Hl7Charsets.Resolve("8859/15");
        var bytes = encoding.GetBytes("MSH|^~\\&|A|||||||1|P|2.5||||||8859/15\rNTE|1||5 €\r");

        Assert.Equal("5 €", Hl7Message.Parse(bytes)[1].Get(3));
        Assert.Equal(0xA4, bytes[^2]);
    }

    [Fact]
    public void Convenience_properties_read_MSH()
    {
        var m = TestSamples.Parse("adt-a40-merge.hl7");

        Assert.Equal(("ADT", "A40", "MSG000007", "2.5.1", "P"), (m.MessageType, m.TriggerEvent, m.MessageControlId, m.Version, m.ProcessingId));
        var msh = m.Msh;
        Assert.Equal(("EPIC", "MAINHOSP", "ACTORBROKER", "RAD"), (msh.SendingApplication, msh.SendingFacility, msh.ReceivingApplication, msh.ReceivingFacility));
        Assert.Equal(("AL", "NE", "UNICODE UTF-8"), (msh.AcceptAckType, msh.ApplicationAckType, msh.CharacterSet));
        Assert.Equal("20261128093000-0600", msh.DateTimeOfMessage);
        Assert.Equal('|', m.Delimiters.Field);
    }
}
