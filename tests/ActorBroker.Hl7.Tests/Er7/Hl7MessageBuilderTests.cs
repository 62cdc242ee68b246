using System.Text;

namespace ActorBroker.Hl7.Tests.Er7;

public sealed class Hl7MessageBuilderTests
{
    [Fact]
    public void Builds_segments_fields_components_and_escapes()
    {
        var bytes = new Hl7MessageBuilder(Hl7Delimiters.Default, Encoding.UTF8)
            .Segment("MSH").Field(3, "APP").Field(4, "FAC").Component(9, 1, "ORM").Component(9, 2, "O01").Field(10, "C1").Field(12, "2.5.1")
            .Segment("PID").Field(3, "ID|1").Component(5, 1, "NÚÑEZ").Component(5, 3, "A&B")
            .Segment("NTE").Repetitions(3, "one", "two~three")
            .ToBytes();

        Assert.Equal(
            "MSH|^~\\&|APP|FAC|||||ORM^O01|C1||2.5.1\rPID|||ID\\F\\1||NÚÑEZ^^A\\T\\B\rNTE|||one~two\\R\\three\r",
            Encoding.UTF8.GetString(bytes));
        var parsed = Hl7Message.Parse(bytes);
        Assert.Equal("ID|1", parsed[1].Get(3));
        Assert.Equal("A&B", parsed[1].Get(5, 3));
        Assert.Equal("two~three", parsed[2].Get(3, 1, 1, 2));
    }

    [Fact]
    public void Encodes_with_the_given_charset()
    {
        var bytes = new Hl7MessageBuilder(Hl7Delimiters.Default, Encoding.Latin1)
            .Segment("MSH").Field(18, "8859/1").Segment("PID").Field(5, "MÜLLER").ToBytes();

        Assert.Contains((byte)0xDC, bytes);
        Assert.Equal("MÜLLER", Hl7Message.Parse(bytes)[1].Get(5));
    }

    [Theory]
    [InlineData("orm-o01-new-ct.hl7")]
    [InlineData("orm-o01-new-mr-latin1.hl7")]
    [InlineData("omi-o23-two-steps.hl7")]
    [InlineData("oru-r01-final.hl7")]
    [InlineData("adt-a40-merge.hl7")]
    public void Rebuilding_a_sample_field_by_field_gives_the_same_bytes(string name)
    {
        var original = TestSamples.Bytes(name);
        var message = Hl7Message.Parse(original);
        var builder = new Hl7MessageBuilder(message.Delimiters, message.TextEncoding);
        foreach (var segment in message.Segments)
        {
            builder.Segment(segment.Id);
            for (var f = segment.Id == "MSH" ? 3 : 1; f <= segment.FieldCount; f++)
            {
                // Decoded value escaped again where the field has no structure, raw ER7 where it has.
                var raw = segment.GetRaw(f);
                var structured = raw.AsSpan().IndexOfAny(message.Delimiters.Component, message.Delimiters.Repetition, message.Delimiters.Subcomponent) >= 0;
                if (structured)
                {
                    builder.RawField(f, raw);
                }
                else
                {
                    builder.Field(f, segment.Get(f));
                }
            }
        }

        Assert.Equal(original, builder.ToBytes());
    }

    [Fact]
    public void Refuses_fields_out_of_order()
    {
        var builder = new Hl7MessageBuilder().Segment("PID").Field(5, "X");

        Assert.Throws<InvalidOperationException>(() => builder.Field(3, "Y"));
        Assert.Throws<InvalidOperationException>(() => new Hl7MessageBuilder().Field(1, "no segment"));
    }
}
