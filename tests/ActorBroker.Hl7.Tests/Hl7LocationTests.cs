namespace ActorBroker.Hl7.Tests;

public sealed class Hl7LocationTests
{
    [Theory]
    [InlineData("ORC", 1, 1, 0, 0, "ORC-1")]
    [InlineData("PID", 1, 5, 1, 0, "PID-5.1")]
    [InlineData("OBR", 2, 18, 0, 0, "OBR[2]-18")]
    [InlineData("PID", 1, 3, 4, 2, "PID-3(2).4")]
    [InlineData("PID", 1, 3, 0, 1, "PID-3")]
    [InlineData("MSH", 1, 0, 0, 0, "MSH")]
    public void Prints_like_an_analyst_writes_it(string segment, int sequence, int field, int component, int repetition, string expected)
    {
        Assert.Equal(expected, new Hl7Location(segment, sequence, field, component, repetition).ToString());
    }
}
