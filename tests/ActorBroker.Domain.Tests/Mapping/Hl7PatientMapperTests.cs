using ActorBroker.Domain.Mapping;
using ActorBroker.Domain.Orders;
using ActorBroker.Domain.Patients;
using ActorBroker.Hl7;
using static ActorBroker.Domain.Tests.Mapping.Er7;

namespace ActorBroker.Domain.Tests.Mapping;

public sealed class Hl7PatientMapperTests
{
    private const string MshA40 = "MSH|^~\\&|EPIC|MAINHOSP|ACTORBROKER|RAD|20261128093000-0600||ADT^A40^ADT_A39|T9|P|2.5.1";

    private static PatientMappingResult Map(Hl7Message message) => Hl7PatientMapper.Map(message, TestSites.Directory, TestSites.ReceivedAt);

    [Fact]
    public void The_A08_sample_updates_the_name()
    {
        var result = Map(Samples.Load("adt-a08-name-fix.hl7"));

        Assert.True(result.IsSuccess, result.Error?.ToString());
        var update = Assert.IsType<UpdatePatient>(Assert.Single(result.Commands));
        Assert.Equal("MAINHOSP", update.Site);
        Assert.Equal("MSG000006", update.Message.MessageControlId);
        Assert.Equal(("E1000001", "EPI"), (update.Patient.PatientId, update.Patient.IssuerOfPatientId));
        Assert.Equal("NÚÑEZ DE BALBOA^JOSÉ^ANTONIO^SR.", update.Patient.PatientName);
        Assert.Equal([new OtherPatientId("88231", "NORTHCLINIC")], update.Patient.OtherPatientIds);
    }

    [Fact]
    public void The_A40_sample_merges_E1000001_into_E1000009()
    {
        var result = Map(Samples.Load("adt-a40-merge.hl7"));

        Assert.True(result.IsSuccess, result.Error?.ToString());
        var merge = Assert.IsType<MergePatient>(Assert.Single(result.Commands));
        Assert.Equal(("E1000009", "E1000001", "EPI", "A40"), (merge.Survivor.PatientId, merge.PriorPatientId, merge.PriorIssuer, merge.Trigger));
        Assert.Equal("NÚÑEZ DE BALBOA^JOSÉ^ANTONIO", merge.Survivor.PatientName);
    }

    [Fact]
    public void An_A40_with_two_pairs_is_two_merges()
    {
        var result = Map(Message(MshA40, "PID|1||E9^^^EPI", "MRG|E1^^^EPI", "PID|2||E8^^^EPI", "MRG|X7^^^OTHER~E2^^^EPI"));

        Assert.True(result.IsSuccess, result.Error?.ToString());
        Assert.Collection(
            result.Commands.Cast<MergePatient>(),
            m => Assert.Equal(("E9", "E1"), (m.Survivor.PatientId, m.PriorPatientId)),
            m => Assert.Equal(("E8", "E2"), (m.Survivor.PatientId, m.PriorPatientId)));
    }

    [Fact]
    public void An_A47_is_a_merge_marked_A47()
    {
        var result = Map(Message(MshA40.Replace("ADT^A40^ADT_A39", "ADT^A47^ADT_A30", StringComparison.Ordinal), "PID|1||E9^^^EPI", "MRG|E1^^^EPI"));

        Assert.Equal("A47", Assert.IsType<MergePatient>(Assert.Single(result.Commands)).Trigger);
    }

    [Fact]
    public void A_MRG_without_a_PID_before_it_is_an_error()
    {
        var result = Map(Message(MshA40, "MRG|E1^^^EPI", "PID|1||E9^^^EPI"));

        Assert.Equal(Hl7ErrorCode.SegmentSequenceError, result.Error!.Code);
        Assert.Equal(new Hl7Location("MRG", 1, 0), result.Error.Location);
    }

    [Fact]
    public void An_empty_MRG_1_is_an_error()
    {
        var result = Map(Message(MshA40, "PID|1||E9^^^EPI", "MRG|"));

        Assert.Equal(Hl7ErrorCode.RequiredFieldMissing, result.Error!.Code);
        Assert.Equal(new Hl7Location("MRG", 1, 1), result.Error.Location);
    }

    [Fact]
    public void A_prior_id_from_another_issuer_only_is_an_error()
    {
        var result = Map(Message(MshA40, "PID|1||E9^^^EPI", "MRG|77^^^NORTHCLINIC"));

        Assert.Equal(Hl7ErrorCode.RequiredFieldMissing, result.Error!.Code);
    }

    [Fact]
    public void An_A40_without_MRG_is_an_error()
    {
        Assert.Equal(Hl7ErrorCode.SegmentSequenceError, Map(Message(MshA40, "PID|1||E9^^^EPI")).Error!.Code);
    }

    [Theory]
    [InlineData("ADT^A01", Hl7ErrorCode.UnsupportedEventCode)]
    [InlineData("ORM^O01", Hl7ErrorCode.UnsupportedMessageType)]
    public void Other_messages_are_refused(string type, Hl7ErrorCode code)
    {
        var result = Map(Message(MshA40.Replace("ADT^A40^ADT_A39", type, StringComparison.Ordinal), "PID|1||E9^^^EPI"));

        Assert.Equal(code, result.Error!.Code);
    }

    [Fact]
    public void An_unknown_facility_is_refused_at_MSH_4()
    {
        var result = Map(Message(MshA40.Replace("|MAINHOSP|", "|ELSEWHERE|", StringComparison.Ordinal), "PID|1||E9^^^EPI", "MRG|E1^^^EPI"));

        Assert.Equal(new Hl7Location("MSH", 1, 4), result.Error!.Location);
    }
}
