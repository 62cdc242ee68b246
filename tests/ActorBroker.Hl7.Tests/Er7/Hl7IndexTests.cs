using System.Text;

namespace ActorBroker.Hl7.Tests.Er7;

public sealed class Hl7IndexTests
{
    private static readonly byte[] Orm = TestSamples.Bytes("orm-o01-new-ct.hl7");

    [Theory]
    [InlineData("\r")]
    [InlineData("\n")]
    [InlineData("\r\n")]
    public void Accepts_CR_LF_and_CRLF_terminators(string terminator)
    {
        var text = Encoding.UTF8.GetString(Orm).Replace("\r", terminator, StringComparison.Ordinal);
        using var index = new Hl7Index();

        Assert.True(index.TryIndex(Encoding.UTF8.GetBytes(text)));
        Assert.Equal(6, index.SegmentCount);
        var message = Hl7Message.Parse(Encoding.UTF8.GetBytes(text));
        Assert.Equal("1.2.840.114350.2.277.2.798268.2.20001.1", new Zds(message.Find("ZDS")!.Value).StudyInstanceUid);
        Assert.Equal("Headache, rule out bleed", new Obr(message.Find("OBR")!.Value).ReasonForStudy);
    }

    [Fact]
    public void Accepts_a_last_segment_without_terminator_blank_lines_and_a_BOM()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. "\r\nMSH|^~\\&|A|B\r\n\r\nPID|1||X\r  \rOBR|1"u8];
        using var index = new Hl7Index();

        Assert.True(index.TryIndex(bytes));
        Assert.Equal(3, index.SegmentCount);
        Assert.Equal("OBR", Encoding.ASCII.GetString(index.SegmentId(bytes, 2)));
        Assert.Equal("1", Encoding.ASCII.GetString(index.Field(bytes, 2, 1)));
        Assert.Equal("X", Encoding.ASCII.GetString(index.Field(bytes, 1, 3)));
    }

    [Fact]
    public void Numbers_MSH_fields_as_the_standard_does()
    {
        var bytes = "MSH|^~\\&|EPIC|MAINHOSP|||20260101||ORM^O01|C1|P|2.3\r"u8.ToArray();
        using var index = new Hl7Index();
        Assert.True(index.TryIndex(bytes));

        Assert.Equal("|", Encoding.ASCII.GetString(index.Field(bytes, 0, 1)));
        Assert.Equal("^~\\&", Encoding.ASCII.GetString(index.Field(bytes, 0, 2)));
        Assert.Equal("EPIC", Encoding.ASCII.GetString(index.Field(bytes, 0, 3)));
        Assert.Equal("ORM^O01", Encoding.ASCII.GetString(index.Field(bytes, 0, 9)));
        Assert.Equal("2.3", Encoding.ASCII.GetString(index.Field(bytes, 0, 12)));
        Assert.Equal(12, index.FieldCount(0));
        Assert.True(index.Field(bytes, 0, 13).IsEmpty);
    }

    [Fact]
    public void Reads_non_standard_delimiters_from_MSH()
    {
        var bytes = "MSH#!*%$#A#B\rPID#1##ID1!!!AUTH*ID2\r"u8.ToArray();
        using var index = new Hl7Index();

        Assert.True(index.TryIndex(bytes));
        Assert.Equal(new Hl7Delimiters('#', '!', '*', '%', '$'), index.Delimiters);
        var message = Hl7Message.Parse(bytes);
        Assert.Equal("AUTH", message[1].Get(3, 4));
        Assert.Equal("ID2", message[1].Get(3, 1, 1, 2));
    }

    [Theory]
    [InlineData("XSH|^~\\&|A", Hl7IndexError.NoMsh)]
    [InlineData("   \r\n", Hl7IndexError.Empty)]
    [InlineData("MSH|^^\\&|A", Hl7IndexError.BadEncodingCharacters)]
    [InlineData("MSHA^~\\&|A", Hl7IndexError.BadEncodingCharacters)]
    [InlineData("MSH||A", Hl7IndexError.BadEncodingCharacters)]
    public void Refuses_what_is_not_ER7(string text, Hl7IndexError expected)
    {
        using var index = new Hl7Index();

        Assert.False(index.TryIndex(Encoding.ASCII.GetBytes(text)));
        Assert.Equal(expected, index.Error);
    }

    [Fact]
    public void Finds_segments_by_id_and_occurrence()
    {
        var bytes = TestSamples.Bytes("omi-o23-two-steps.hl7");
        using var index = new Hl7Index();
        Assert.True(index.TryIndex(bytes));

        Assert.Equal(6, index.FindSegment(bytes, "IPC", 1));
        Assert.Equal(7, index.FindSegment(bytes, "IPC", 2));
        Assert.Equal(-1, index.FindSegment(bytes, "IPC", 3));
        Assert.Equal(-1, index.FindSegment(bytes, "ZDS"));
    }

    [Fact]
    public void Indexing_again_with_a_reused_index_allocates_nothing()
    {
        using var index = new Hl7Index();
        Assert.True(index.TryIndex(Orm)); // warm: buffers grow to this message's size

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            index.TryIndex(Orm);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Grows_past_its_initial_buffers()
    {
        var text = new StringBuilder("MSH|^~\\&|A|B\r");
        for (var i = 1; i <= 500; i++)
        {
            text.Append("OBX|").Append(i).Append("|TX|C^D||line ").Append(i).Append("||||||F\r");
        }

        var message = Hl7Message.Parse(Encoding.ASCII.GetBytes(text.ToString()));

        Assert.Equal(501, message.SegmentCount);
        Assert.Equal("line 500", new Obx(message.Find("OBX", 500)!.Value).Values[0]);
        Assert.Equal(500, message[500].Occurrence);
    }
}
