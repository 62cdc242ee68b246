namespace ActorBroker.Hl7.Tests.Er7;

public sealed class Hl7SegmentTests
{
    private static readonly Hl7Message Message = Hl7Message.Parse(TestSamples.Er7(
        "MSH|^~\\&|EPIC^1.2.3^ISO|MAINHOSP|||20261128083000||ORM^O01^ORM_O01|C1|P|2.3",
        "PID|1||E1^^^EPI&1.2&ISO^MR~88231^^^NORTH^MR||DOE^JOHN\\S\\JR^Q~ALIAS^A||19700101|M|||",
        "OBR|1|||C1^CT \\T\\ MR^L||||||||||||||ACC1",
        "OBR|2|||C2^Second||\"\""));

    [Fact]
    public void Get_walks_components_subcomponents_and_repetitions()
    {
        var pid = Message[1];

        Assert.Equal("E1", pid.Get(3));
        Assert.Equal("EPI", pid.Get(3, 4));
        Assert.Equal("1.2", pid.Get(3, 4, 2));
        Assert.Equal("NORTH", pid.Get(3, 4, 1, 2));
        Assert.Equal("", pid.Get(3, 4, 1, 3));
        Assert.Equal("JOHN^JR", pid.Get(5, 2));
        Assert.Equal("ALIAS", pid.Get(5, 1, 1, 2));
        Assert.Equal("", pid.Get(40));
        Assert.Equal("", pid.Get(3, 9));
    }

    [Fact]
    public void GetField_keeps_separators_and_escapes_GetText_resolves_escapes()
    {
        var pid = Message[1];

        Assert.Equal("E1^^^EPI&1.2&ISO^MR", pid.GetField(3));
        Assert.Equal("88231^^^NORTH^MR", pid.GetField(3, 2));
        Assert.Equal("DOE^JOHN\\S\\JR^Q", pid.GetField(5));
        Assert.Equal("DOE^JOHN^JR^Q", pid.GetText(5));
        Assert.Equal("E1^^^EPI&1.2&ISO^MR~88231^^^NORTH^MR", pid.GetRaw(3));
    }

    [Fact]
    public void Counts_and_presence()
    {
        var pid = Message[1];

        Assert.Equal(2, pid.RepetitionCount(3));
        Assert.Equal(0, pid.RepetitionCount(4));
        Assert.Equal(0, pid.RepetitionCount(99));
        Assert.True(pid.IsPresent(3));
        Assert.False(pid.IsPresent(4));
        Assert.False(pid.IsPresent(12));
        Assert.Equal(11, pid.FieldCount); // trailing empty fields count as sent
        Assert.True(Message[3].IsPresent(6)); // the HL7 null "" is present
        Assert.Equal("\"\"", Message[3].Get(6));
    }

    [Fact]
    public void MSH_1_and_2_are_the_delimiters()
    {
        var msh = Message[0];

        Assert.Equal("|", msh.Get(1));
        Assert.Equal("^~\\&", msh.Get(2));
        Assert.Equal("^~\\&", msh.GetField(2));
        Assert.Equal(1, msh.RepetitionCount(2));
        Assert.Equal("EPIC", msh.Get(3));
        Assert.Equal("1.2.3", msh.Get(3, 2));
        Assert.Equal("ORM_O01", Message.Msh.MessageStructure);
    }

    [Fact]
    public void Ids_indexes_occurrences_and_locations()
    {
        var second = Message.Find("OBR", 2)!.Value;

        Assert.Equal("OBR", second.Id);
        Assert.Equal(3, second.Index);
        Assert.Equal(2, second.Occurrence);
        Assert.Equal(new Hl7Location("OBR", 2, 18), second.LocationOf(18));
        Assert.Equal("OBR[2]-18", second.LocationOf(18).ToString());
        Assert.Equal("CT & MR", new Obr(Message.Find("OBR")!.Value).UniversalServiceId.Text);
        Assert.Null(Message.Find("OBR", 3));
        Assert.Null(Message.Find("ZZZ"));
        Assert.Equal([2, 3], Message.All("OBR").Select(s => s.Index));
        Assert.Equal(["MSH", "PID", "OBR", "OBR"], Message.Segments.Select(s => s.Id));
    }

    [Fact]
    public void A_typed_view_over_the_wrong_segment_is_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => new Pid(Message[2]));

        Assert.Contains("OBR", e.Message, StringComparison.Ordinal);
    }
}
