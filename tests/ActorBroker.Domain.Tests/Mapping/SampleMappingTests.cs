using ActorBroker.Domain.Mapping;
using ActorBroker.Domain.Orders;
using ActorBroker.Domain.Sites;
using ActorBroker.Hl7;

namespace ActorBroker.Domain.Tests.Mapping;

/// <summary>Each sample of shared/samples/hl7 maps as its README says.</summary>
public sealed class SampleMappingTests
{
    private static OrderMappingResult Map(string file) => Hl7OrderMapper.Map(Samples.Load(file), TestSites.Directory, TestSites.ReceivedAt);

    private static T Single<T>(string file)
        where T : IOrderCommand
    {
        var result = Map(file);
        Assert.True(result.IsSuccess, result.Error?.ToString());
        return Assert.IsType<T>(Assert.Single(result.Commands));
    }

    [Fact]
    public void New_CT_order_ACC20001()
    {
        var result = Map("orm-o01-new-ct.hl7");
        Assert.True(result.IsSuccess, result.Error?.ToString());
        Assert.Same(TestSites.MainHosp, result.Site);
        var place = Assert.IsType<PlaceOrder>(Assert.Single(result.Commands));

        Assert.Equal(new OrderKey("MAINHOSP", "ACC20001"), place.Key);
        Assert.Equal(new MessageRef("EPIC", "MAINHOSP", "MSG000001", TestSites.ReceivedAt), place.Message);
        Assert.Equal(1, place.OrderGroup);

        var d = place.Details;
        Assert.Equal("PL20001", d.PlacerOrderNumber);
        Assert.Equal("ACC20001", d.FillerOrderNumber);
        Assert.Equal("ACC20001", d.Accession);
        Assert.Equal("E1000001", d.Patient.PatientId);
        Assert.Equal("EPI", d.Patient.IssuerOfPatientId);
        Assert.Equal([new OtherPatientId("88231", "NORTHCLINIC")], d.Patient.OtherPatientIds);
        // XPN NÚÑEZ^JOSÉ^ANTONIO^^SR. has SR. in XPN.5, which is the prefix; PN puts the prefix 4th.
        Assert.Equal("NÚÑEZ^JOSÉ^ANTONIO^SR.", d.Patient.PatientName);
        Assert.Equal("19700214", d.Patient.BirthDate);
        Assert.Equal("M", d.Patient.Sex);
        Assert.Equal("GARCÍA^MARÍA", d.ReferringPhysician);
        Assert.Equal("GARCÍA^MARÍA", d.RequestingPhysician);
        Assert.Equal("V7001001", d.AdmissionId);
        Assert.Equal("RAD CT1 MAINHOSP", d.PatientLocation);
        Assert.Equal(new RequestedProcedure("RP20001", "CT HEAD WO CONTRAST", new CodedEntry("IMG3301", "EAP", "CT HEAD WO CONTRAST")), d.RequestedProcedure);
        Assert.Equal("Headache, rule out bleed", d.ReasonForRequest);
        Assert.Equal("", d.Comments);
        Assert.Equal("ROUTINE", d.Priority);
        Assert.Equal("1.2.840.114350.2.277.2.798268.2.20001.1", d.StudyInstanceUid);
        Assert.Equal(StudyUidOrigin.Message, d.StudyInstanceUidOrigin);
        Assert.Equal("CT", d.Modality);
        Assert.Equal("SC", d.OrderStatusCode);

        var step = Assert.Single(d.ScheduledSteps);
        Assert.Equal("SPS20001", step.StepId);
        Assert.Equal("CT HEAD WO CONTRAST", step.Description);
        Assert.Equal(new CodedEntry("IMG3301", "EAP", "CT HEAD WO CONTRAST"), step.ProtocolCode);
        Assert.Equal("CT", step.Modality);
        Assert.Equal("CT01", step.StationAeTitle);
        Assert.Equal("CT SCANNER 1", step.StationName);
        Assert.Equal("RAD CT1", step.Location);
        Assert.Equal("SCHEDULED", step.Status);
        Assert.Equal(("20261128", "093000", "-0600"), (step.Start.Date, step.Start.Time, step.Start.UtcOffset));
        Assert.Equal(new DateTimeOffset(2026, 11, 28, 15, 30, 0, TimeSpan.Zero), step.Start.Instant);
    }

    [Fact]
    public void New_MR_order_ACC20002_from_Latin_1_bytes()
    {
        var bytes = Samples.Bytes("orm-o01-new-mr-latin1.hl7");
        Assert.Contains((byte)0xDC, bytes); // Ü as one Latin-1 byte: the file really is 8859-1

        var d = Single<PlaceOrder>("orm-o01-new-mr-latin1.hl7").Details;

        Assert.Equal("ACC20002", d.Accession);
        Assert.Equal("MR", d.Modality);
        Assert.Equal("STAT", d.Priority);
        Assert.Equal("MÜLLER^JOÃO", d.Patient.PatientName);
        Assert.Equal("F", d.Patient.Sex);
        Assert.Equal("19851103", d.Patient.BirthDate);
        Assert.Equal("O'BRIEN^SEÁN", d.ReferringPhysician);
        Assert.Equal("O'BRIEN^SEÁN", d.RequestingPhysician);
        Assert.Equal("V7001002", d.AdmissionId);
        Assert.Equal("4W 412 A MAINHOSP", d.PatientLocation);
        Assert.Equal("Patient claustrophobic & needs sedation", d.Comments);
        Assert.Equal("1.2.840.114350.2.277.2.798268.2.20002.1", d.StudyInstanceUid);
        var step = Assert.Single(d.ScheduledSteps);
        Assert.Equal(("20261128", "140000", "-0600"), (step.Start.Date, step.Start.Time, step.Start.UtcOffset));
        Assert.Equal("MR01", step.StationAeTitle);
        Assert.Equal("SPS20002", step.StepId);
    }

    [Fact]
    public void Change_moves_ACC20001_to_10_30()
    {
        var change = Single<ChangeOrder>("orm-o01-change-time.hl7");

        Assert.Equal(new OrderKey("MAINHOSP", "ACC20001"), change.Key);
        Assert.Equal("MSG000003", change.Message.MessageControlId);
        var step = Assert.Single(change.Details.ScheduledSteps);
        Assert.Equal(("20261128", "103000", "-0600"), (step.Start.Date, step.Start.Time, step.Start.UtcOffset));
        Assert.Equal("1.2.840.114350.2.277.2.798268.2.20001.1", change.Details.StudyInstanceUid);
        Assert.Equal("", change.Details.AdmissionId); // this XO has no PV1-19
    }

    [Fact]
    public void Cancel_cancels_ACC20002()
    {
        var cancel = Single<CancelOrder>("orm-o01-cancel.hl7");

        Assert.Equal(new OrderKey("MAINHOSP", "ACC20002"), cancel.Key);
        Assert.Equal("CA", cancel.OrderStatus);
        Assert.Equal("MSG000004", cancel.Message.MessageControlId);
    }

    [Fact]
    public void OMI_with_two_steps_at_NORTHCLINIC()
    {
        var result = Map("omi-o23-two-steps.hl7");
        Assert.True(result.IsSuccess, result.Error?.ToString());
        Assert.Same(TestSites.NorthClinic, result.Site);
        var place = Assert.IsType<PlaceOrder>(Assert.Single(result.Commands));
        var d = place.Details;

        Assert.Equal(new OrderKey("NORTHCLINIC", "ACC30001"), place.Key);
        Assert.Equal("N5500123", d.Patient.PatientId);
        Assert.Equal("NORTHCLINIC", d.Patient.IssuerOfPatientId);
        Assert.Empty(d.Patient.OtherPatientIds);
        Assert.Equal("ØSTERGÅRD^LÆRKE", d.Patient.PatientName);
        Assert.Equal("19920730", d.Patient.BirthDate);
        Assert.Equal("F", d.Patient.Sex);
        Assert.Equal("ZÖLLNER^KAI", d.ReferringPhysician);
        Assert.Equal("1.2.840.114350.2.277.2.798268.2.30001.1", d.StudyInstanceUid);
        Assert.Equal("RP30001", d.RequestedProcedure.Id);
        Assert.Equal(new CodedEntry("US0042", "EAP", "US ABDOMEN COMPLETE"), d.RequestedProcedure.Code);
        Assert.Equal("ROUTINE", d.Priority);
        Assert.Equal("US", d.Modality);

        Assert.Equal(2, d.ScheduledSteps.Count);
        var (a, b) = (d.ScheduledSteps[0], d.ScheduledSteps[1]);
        Assert.Equal(("SPS30001A", "SPS30001B"), (a.StepId, b.StepId));
        Assert.Equal(new CodedEntry("US0042A", "EAP", "US LIVER"), a.ProtocolCode);
        Assert.Equal(new CodedEntry("US0042B", "EAP", "US KIDNEYS"), b.ProtocolCode);
        Assert.Equal(("US LIVER", "US KIDNEYS"), (a.Description, b.Description));
        foreach (var step in d.ScheduledSteps)
        {
            Assert.Equal("NCUS02", step.StationAeTitle);
            Assert.Equal("US-ROOM2", step.StationName);
            Assert.Equal("NORTHCLINIC US", step.Location);
            Assert.Equal("US", step.Modality);
            Assert.Equal(("20261128", "110000", "+0100"), (step.Start.Date, step.Start.Time, step.Start.UtcOffset));
            Assert.Equal(new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.Zero), step.Start.Instant);
        }
    }

    [Fact]
    public void Truncated_message_is_an_error_at_OBR_18()
    {
        var result = Map("bad-truncated.hl7");

        Assert.False(result.IsSuccess);
        Assert.Empty(result.Commands);
        Assert.Equal(Hl7ErrorCode.RequiredFieldMissing, result.Error.Code);
        Assert.Equal(new Hl7Location("OBR", 1, 18), result.Error.Location);
        Assert.Equal("OBR-18 (accession number) is empty", result.Error.Message);
        Assert.Same(TestSites.MainHosp, result.Site);
    }

    [Fact]
    public void Unknown_order_control_is_an_error_at_ORC_1()
    {
        var result = Map("bad-unknown-order-control.hl7");

        Assert.False(result.IsSuccess);
        Assert.Equal(Hl7ErrorCode.TableValueNotFound, result.Error.Code);
        Assert.Equal(new Hl7Location("ORC", 1, 1), result.Error.Location);
        Assert.StartsWith("ORC-1 order control 'ZZ' (ORC-5 'QQ') is not supported; supported ORC-1/ORC-5 pairs: NW/, NW/SC, NW/IP", result.Error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("adt-a08-name-fix.hl7", "ADT^A08")]
    [InlineData("adt-a40-merge.hl7", "ADT^A40")]
    public void ADT_is_refused_as_unsupported_for_now(string file, string type)
    {
        var result = Map(file);

        Assert.False(result.IsSuccess);
        Assert.Equal(Hl7ErrorCode.UnsupportedMessageType, result.Error.Code);
        Assert.Equal(new Hl7Location("MSH", 1, 9), result.Error.Location);
        Assert.Contains(type, result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_report_is_not_an_order_message()
    {
        var result = Map("oru-r01-final.hl7");

        Assert.False(result.IsSuccess);
        Assert.Equal(Hl7ErrorCode.UnsupportedMessageType, result.Error.Code);
        Assert.Equal("MSH-9 message type 'ORU^R01' is not handled here (ORM^O01, OMI^O23)", result.Error.Message);
    }

    [Fact]
    public void The_not_HL7_sample_does_not_even_parse()
    {
        Assert.False(Hl7Message.TryParse(Samples.Bytes("bad-no-msh.hl7"), out _, out var error));
        Assert.Equal(AckCode.AR, error.SuggestedAck);
    }

    [Fact]
    public void Under_the_reject_policy_the_samples_with_a_UID_still_map()
    {
        var strict = new SiteDirectory([TestSites.MainHosp with { StudyUidPolicy = StudyUidPolicy.Reject }, TestSites.NorthClinic with { StudyUidPolicy = StudyUidPolicy.Reject }]);

        foreach (var file in new[] { "orm-o01-new-ct.hl7", "orm-o01-new-mr-latin1.hl7", "orm-o01-change-time.hl7", "orm-o01-cancel.hl7", "omi-o23-two-steps.hl7" })
        {
            var result = Hl7OrderMapper.Map(Samples.Load(file), strict, TestSites.ReceivedAt);
            Assert.True(result.IsSuccess, $"{file}: {result.Error}");
        }
    }
}
