namespace ActorBroker.Hl7.Tests.Ack;

public sealed class Hl7AckTests
{
    [Fact]
    public void Reads_back_what_the_builder_wrote()
    {
        var request = TestSamples.Parse("bad-truncated.hl7");
        var error = new Hl7Error(Hl7ErrorCode.RequiredFieldMissing, new Hl7Location("OBR", 1, 18), "OBR-18 (accession) is required");

        Assert.True(Hl7Ack.TryParse(Hl7Message.Parse(Hl7AckBuilder.Build(request, AckCode.AE, [error], "rejected")), out var ack));

        Assert.Equal(AckCode.AE, ack.AckCode);
        Assert.False(ack.IsAccepted);
        Assert.Equal("MSGBAD1", ack.MessageControlId);
        Assert.Equal("rejected", ack.Text);
        Assert.Equal([error with { Location = new Hl7Location("OBR", 1, 18, 0, 1) }], ack.Errors);
    }

    [Fact]
    public void Reads_a_23_style_ERR_1()
    {
        var message = Hl7Message.Parse(TestSamples.Er7(
            "MSH|^~\\&|X|Y|A|B|20260101||ACK|99|P|2.3",
            "MSA|AR|MSG7|no",
            "ERR|PID^1^3^204&Unknown key identifier&HL70357"));

        Assert.True(Hl7Ack.TryParse(message, out var ack));

        Assert.Equal(AckCode.AR, ack.AckCode);
        Assert.Equal(new Hl7Error(Hl7ErrorCode.UnknownKeyIdentifier, new Hl7Location("PID", 1, 3), "Unknown key identifier"), ack.Errors.Single());
    }

    [Fact]
    public void A_message_without_MSA_is_not_an_ACK()
    {
        Assert.False(Hl7Ack.TryParse(TestSamples.Parse("orm-o01-new-ct.hl7"), out _));
        Assert.False(Hl7Ack.TryParse(Hl7Message.Parse(TestSamples.Er7("MSH|^~\\&|A", "MSA|XX|1")), out _));
    }
}
