using System.Text;

namespace ActorBroker.Hl7.Tests.Ack;

public sealed class Hl7AckBuilderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 8, 30, 5, TimeSpan.FromHours(-6));

    [Fact]
    public void AA_mirrors_the_request_header()
    {
        var request = TestSamples.Parse("orm-o01-new-ct.hl7");

        var bytes = Hl7AckBuilder.Build(request, AckCode.AA, controlId: "ACK1", now: Now);

        Assert.Equal(
            "MSH|^~\\&|ACTORBROKER|RAD|EPIC|MAINHOSP|20261128083005-0600||ACK^O01^ACK|ACK1|P|2.3||||||UNICODE UTF-8\rMSA|AA|MSG000001\r",
            Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public void AE_for_a_23_request_has_ERR_1_and_ERR_2_to_8_field_by_field()
    {
        var request = TestSamples.Parse("bad-unknown-order-control.hl7");
        Hl7Error[] errors =
        [
            new(Hl7ErrorCode.TableValueNotFound, new Hl7Location("ORC", 1, 1), "ORC-1 'ZZ' with ORC-5 'QQ' is not a known order control"),
            new(Hl7ErrorCode.RequiredFieldMissing, new Hl7Location("OBR", 2, 18, 1, 2), "accession missing", Hl7Severity.Warning),
        ];

        var ack = Hl7Message.Parse(Hl7AckBuilder.Build(request, AckCode.AE, errors, "order refused", now: Now));

        var msh = ack.Msh;
        Assert.Equal(("ACTORBROKER", "RAD", "EPIC", "MAINHOSP"), (msh.SendingApplication, msh.SendingFacility, msh.ReceivingApplication, msh.ReceivingFacility));
        Assert.Equal(("ACK", "O01", "ACK"), (msh.MessageType, msh.TriggerEvent, msh.MessageStructure));
        Assert.NotEqual(request.MessageControlId, msh.MessageControlId);
        Assert.InRange(msh.MessageControlId.Length, 1, 20);
        Assert.Equal(("P", "2.3"), (msh.ProcessingId, msh.VersionId));

        var msa = ack.Find("MSA")!.Value;
        Assert.Equal(("AE", "MSGBAD3", "order refused"), (msa.Get(1), msa.Get(2), msa.Get(3)));

        var err = ack.Find("ERR")!.Value;
        Assert.Equal("ORC^1^1^103&Table value not found&HL70357", err.GetField(1));
        Assert.Equal("ORC^1^1^1", err.GetField(2));
        Assert.Equal("103^Table value not found^HL70357", err.GetField(3));
        Assert.Equal("E", err.Get(4));
        Assert.Equal("ORC-1 'ZZ' with ORC-5 'QQ' is not a known order control", err.Get(8));

        var second = ack.Find("ERR", 2)!.Value;
        Assert.Equal("OBR^2^18^2^1", second.GetField(2)); // ERL: segment^sequence^field^repetition^component
        Assert.Equal("101", second.Get(3, 1));
        Assert.Equal("W", second.Get(4));
    }

    [Fact]
    public void A_251_request_gets_no_ERR_1()
    {
        var request = TestSamples.Parse("omi-o23-two-steps.hl7");

        var ack = Hl7Message.Parse(Hl7AckBuilder.Build(request, AckCode.AR, [new Hl7Error(Hl7ErrorCode.UnsupportedMessageType, null, "OMI not enabled")]));

        var err = ack.Find("ERR")!.Value;
        Assert.False(err.IsPresent(1));
        Assert.False(err.IsPresent(2));
        Assert.Equal("200", err.Get(3));
        Assert.Equal("OMI not enabled", err.Get(8));
        Assert.Equal("2.5.1", ack.Version);
        Assert.Equal("MSG000005", ack.Find("MSA")!.Value.Get(2));
    }

    [Fact]
    public void A_Latin1_request_gets_a_Latin1_ACK_and_user_text_is_escaped()
    {
        var request = TestSamples.Parse("orm-o01-new-mr-latin1.hl7");

        var bytes = Hl7AckBuilder.Build(request, AckCode.AE, [new Hl7Error(Hl7ErrorCode.DataTypeError, new Hl7Location("PID", 1, 5), "MÜLLER | bad")]);

        Assert.Contains((byte)0xDC, bytes);
        Assert.Contains("MÜLLER \\F\\ bad", Encoding.Latin1.GetString(bytes), StringComparison.Ordinal);
        var ack = Hl7Message.Parse(bytes);
        Assert.Equal("8859/1", ack.CharacterSet);
        Assert.Equal("MÜLLER | bad", ack.Find("ERR")!.Value.Get(8));
    }

    [Fact]
    public void Generated_control_ids_are_unique()
    {
        var ids = Enumerable.Range(0, 1000).Select(_ => Hl7AckBuilder.NewControlId()).ToHashSet();

        Assert.Equal(1000, ids.Count);
        Assert.All(ids, id => Assert.InRange(id.Length, 1, 20));
    }

    [Fact]
    public void Unparsable_frames_get_a_minimal_AR()
    {
        var ack = Hl7Message.Parse(Hl7AckBuilder.BuildForUnparsable(TestSamples.Bytes("bad-no-msh.hl7"), AckCode.AR, "no MSH segment"));

        Assert.Equal("ACK", ack.MessageType);
        var msa = ack.Find("MSA")!.Value;
        Assert.Equal("AR", msa.Get(1));
        Assert.Equal("", msa.Get(2));
        Assert.StartsWith("no MSH segment", msa.Get(3), StringComparison.Ordinal);
        Assert.Equal("100", ack.Find("ERR")!.Value.Get(3));
    }
}
