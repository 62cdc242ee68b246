using ActorBroker.Domain.Mapping;
using ActorBroker.Domain.Orders;
using ActorBroker.Domain.Sites;
using ActorBroker.Hl7;
using static ActorBroker.Domain.Tests.Mapping.Er7;

namespace ActorBroker.Domain.Tests.Mapping;

public sealed class Hl7OrderMapperTests
{
    private static OrderMappingResult Map(Hl7Message message, SiteDirectory? sites = null, Func<Guid>? guid = null) =>
        Hl7OrderMapper.Map(message, sites ?? TestSites.Directory, TestSites.ReceivedAt, guid ?? Guid.NewGuid);

    private static OrderDetails Details(Hl7Message message, SiteDirectory? sites = null, Func<Guid>? guid = null)
    {
        var result = Map(message, sites, guid);
        Assert.True(result.IsSuccess, result.Error?.ToString());
        return Assert.IsType<PlaceOrder>(Assert.Single(result.Commands)).Details;
    }

    private static Hl7Error Fails(Hl7Message message, SiteDirectory? sites = null)
    {
        var result = Map(message, sites);
        Assert.False(result.IsSuccess, result.ToString());
        Assert.Empty(result.Commands);
        return result.Error;
    }

    private static SiteDirectory With(Func<SiteRules, SiteRules> change) => new([change(TestSites.MainHosp), TestSites.NorthClinic]);

    // --- header ---

    [Fact]
    public void An_unknown_sending_facility_is_an_error_at_MSH_4()
    {
        var error = Fails(Message(MshOrm.Replace("|MAINHOSP|", "|SOUTHCLINIC|", StringComparison.Ordinal), PidLine, Orc(), Obr()));

        Assert.Equal(Hl7ErrorCode.TableValueNotFound, error.Code);
        Assert.Equal(new Hl7Location("MSH", 1, 4), error.Location);
        Assert.Equal("MSH-4 sending facility 'SOUTHCLINIC' is not configured for any site (configured: MAINHOSP, NORTHCLINIC)", error.Message);
    }

    [Fact]
    public void An_empty_control_id_is_an_error_at_MSH_10()
    {
        var error = Fails(Message(MshOrm.Replace("|T0001|", "||", StringComparison.Ordinal), PidLine, Orc(), Obr()));

        Assert.Equal(Hl7ErrorCode.RequiredFieldMissing, error.Code);
        Assert.Equal(new Hl7Location("MSH", 1, 10), error.Location);
    }

    [Theory]
    [InlineData("ORM^O02", Hl7ErrorCode.UnsupportedEventCode, 2)]
    [InlineData("OMI^O24", Hl7ErrorCode.UnsupportedEventCode, 2)]
    [InlineData("SIU^S12", Hl7ErrorCode.UnsupportedMessageType, 0)]
    [InlineData("ADT^A47", Hl7ErrorCode.UnsupportedMessageType, 0)]
    public void Unsupported_types_and_events_are_errors_at_MSH_9(string type, Hl7ErrorCode code, int component)
    {
        var error = Fails(Message(MshOrm.Replace("ORM^O01", type, StringComparison.Ordinal), PidLine, Orc(), Obr()));

        Assert.Equal(code, error.Code);
        Assert.Equal(new Hl7Location("MSH", 1, 9, component), error.Location);
        Assert.Contains(type, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_ORM_without_trigger_event_is_an_O01()
    {
        Assert.Equal("ACC1", Details(Message(MshOrm.Replace("ORM^O01", "ORM", StringComparison.Ordinal), PidLine, Orc(), Obr(), Zds())).Accession);
    }

    [Fact]
    public void The_message_ref_is_taken_from_MSH()
    {
        var result = Map(Orm(Orc(), Obr(), Zds()));

        Assert.Equal(new MessageRef("EPIC", "MAINHOSP", "T0001", TestSites.ReceivedAt), result.Commands[0].Message);
    }

    // --- structure ---

    [Fact]
    public void A_message_without_ORC_is_a_segment_sequence_error()
    {
        var error = Fails(Orm());

        Assert.Equal(Hl7ErrorCode.SegmentSequenceError, error.Code);
        Assert.Equal(new Hl7Location("ORC", 1, 0), error.Location);
    }

    [Fact]
    public void An_ORC_without_OBR_is_an_error_at_that_ORC()
    {
        var error = Fails(Orm(Orc(), Obr(), Zds(), Orc(group: 2)));

        Assert.Equal(Hl7ErrorCode.SegmentSequenceError, error.Code);
        Assert.Equal("ORC[2]", error.Location.ToString());
    }

    [Fact]
    public void An_OBR_before_any_ORC_is_an_error()
    {
        var error = Fails(Orm(Obr(), Orc()));

        Assert.Equal(Hl7ErrorCode.SegmentSequenceError, error.Code);
        Assert.Equal(new Hl7Location("OBR", 1, 0), error.Location);
    }

    [Fact]
    public void Two_OBRs_under_one_ORC_are_an_error()
    {
        var error = Fails(Orm(Orc(), Obr(), Obr("ACC2")));

        Assert.Equal(Hl7ErrorCode.SegmentSequenceError, error.Code);
        Assert.Equal("OBR[2]", error.Location.ToString());
        Assert.Equal("OBR[2] follows OBR in the same order group: each OBR needs its own ORC", error.Message);
    }

    [Fact]
    public void A_new_order_without_PID_is_an_error()
    {
        var error = Fails(Message(MshOrm, Orc(), Obr()));

        Assert.Equal(Hl7ErrorCode.SegmentSequenceError, error.Code);
        Assert.Equal(new Hl7Location("PID", 1, 0), error.Location);
    }

    [Fact]
    public void A_cancel_needs_only_the_accession()
    {
        var result = Map(Message(MshOrm, Orc("CA", "CA", start: "", priority: ""), Seg("OBR", (1, "1"), (18, "acc1"))));

        Assert.True(result.IsSuccess, result.Error?.ToString());
        var cancel = Assert.IsType<CancelOrder>(Assert.Single(result.Commands));
        Assert.Equal(new OrderKey("MAINHOSP", "ACC1"), cancel.Key);
    }

    [Fact]
    public void Each_ORC_group_is_one_command_in_message_order()
    {
        var result = Map(Orm(
            Orc(), Obr(), Zds(),
            Orc("CA", "CA", group: 2), Obr("ACC2"),
            Orc("SC", "IP", group: 3), Obr("ACC3")));

        Assert.True(result.IsSuccess, result.Error?.ToString());
        Assert.Collection(
            result.Commands,
            c => Assert.Equal((typeof(PlaceOrder), "ACC1", 1), (c.GetType(), c.Key.Accession, c.OrderGroup)),
            c => Assert.Equal((typeof(CancelOrder), "ACC2", 2), (c.GetType(), c.Key.Accession, c.OrderGroup)),
            c => Assert.Equal((typeof(ChangeOrderStatus), "ACC3", 3), (c.GetType(), c.Key.Accession, c.OrderGroup)));
    }

    [Fact]
    public void The_same_accession_in_two_groups_is_205_at_the_second_OBR_18()
    {
        var error = Fails(Orm(Orc(), Obr(), Zds(), Orc(group: 2), Obr("acc1"), Zds()));

        Assert.Equal(Hl7ErrorCode.DuplicateKeyIdentifier, error.Code);
        Assert.Equal("OBR[2]-18", error.Location.ToString());
    }

    // --- order control ---

    [Theory]
    [InlineData("NW", "SC", typeof(PlaceOrder))]
    [InlineData("NW", "IP", typeof(PlaceOrder))]
    [InlineData("NW", "", typeof(PlaceOrder))]
    [InlineData("nw", "sc", typeof(PlaceOrder))]
    [InlineData("XO", "SC", typeof(ChangeOrder))]
    [InlineData("XO", "", typeof(ChangeOrder))]
    [InlineData("XO", "CM", typeof(ChangeOrderStatus))]
    [InlineData("CA", "CA", typeof(CancelOrder))]
    [InlineData("CA", "", typeof(CancelOrder))]
    [InlineData("DC", "CA", typeof(DiscontinueOrder))]
    [InlineData("DC", "DC", typeof(DiscontinueOrder))]
    [InlineData("DC", "", typeof(DiscontinueOrder))]
    [InlineData("HD", "HD", typeof(HoldOrder))]
    [InlineData("HD", "", typeof(HoldOrder))]
    [InlineData("RL", "SC", typeof(ReleaseOrder))]
    [InlineData("RL", "", typeof(ReleaseOrder))]
    [InlineData("SC", "SC", typeof(ChangeOrderStatus))]
    [InlineData("SC", "IP", typeof(ChangeOrderStatus))]
    [InlineData("SC", "CM", typeof(ChangeOrderStatus))]
    [InlineData("SC", "A", typeof(ChangeOrderStatus))]
    public void Supported_ORC_1_and_ORC_5_pairs(string control, string status, Type command)
    {
        var result = Map(Orm(Orc(control, status), Obr(), Zds()));

        Assert.True(result.IsSuccess, result.Error?.ToString());
        var c = Assert.Single(result.Commands);
        Assert.IsType(command, c);
        switch (c)
        {
            case ChangeOrderStatus s:
                Assert.Equal(status.ToUpperInvariant(), s.OrderStatus);
                Assert.Equal(control, s.OrderControl);
                break;
            case CancelOrder x:
                Assert.Equal(status, x.OrderStatus);
                break;
            case DiscontinueOrder x:
                Assert.Equal(status, x.OrderStatus);
                break;
            case PlaceOrder p:
                Assert.Equal(status.ToUpperInvariant(), p.Details.OrderStatusCode);
                break;
        }
    }

    [Theory]
    [InlineData("NW", "CA", "does not go with")]
    [InlineData("XO", "IP", "does not go with")]
    [InlineData("SC", "", "does not go with")]
    [InlineData("SC", "CA", "does not go with")]
    [InlineData("CA", "CM", "does not go with")]
    [InlineData("OC", "", "is not supported")]
    [InlineData("", "", "is not supported")]
    public void Other_pairs_are_refused_at_ORC_1(string control, string status, string why)
    {
        var error = Fails(Orm(Orc(control, status), Obr(), Zds()));

        Assert.Equal(Hl7ErrorCode.TableValueNotFound, error.Code);
        Assert.Equal(new Hl7Location("ORC", 1, 1), error.Location);
        Assert.Contains(why, error.Message, StringComparison.Ordinal);
        Assert.Contains("supported ORC-1/ORC-5 pairs", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_refused_pair_of_a_later_group_is_located_there()
    {
        var error = Fails(Orm(Orc(), Obr(), Zds(), Orc("ZZ", "QQ", group: 2), Obr("ACC2")));

        Assert.Equal("ORC[2]-1", error.Location.ToString());
    }

    // --- accession ---

    [Fact]
    public void The_accession_is_normalised_by_the_site_s_rules()
    {
        var sites = With(s => s with { Accession = AccessionRules.Default with { StripPrefixes = ["MH-"] } });
        var result = Map(Orm(Orc(), Obr("mh-acc77"), Zds()), sites);

        Assert.Equal(new OrderKey("MAINHOSP", "ACC77"), Assert.Single(result.Commands).Key);
        Assert.Equal("ACC77", ((PlaceOrder)result.Commands[0]).Details.Accession);
    }

    [Fact]
    public void An_accession_over_16_characters_is_an_error_at_OBR_18()
    {
        var error = Fails(Orm(Orc(), Obr("ACC1234567890123456"), Zds()));

        Assert.Equal(Hl7ErrorCode.DataTypeError, error.Code);
        Assert.Equal(new Hl7Location("OBR", 1, 18), error.Location);
        Assert.Equal("OBR-18: accession 'ACC1234567890123456' is 19 characters; DICOM SH allows 16", error.Message);
    }

    [Fact]
    public void ORC_3_is_not_a_fallback_for_an_empty_OBR_18()
    {
        var error = Fails(Orm(Orc(), Seg("OBR", (1, "1"), (3, "ACC1^EPC"), (24, "CT"))));

        Assert.Equal(new Hl7Location("OBR", 1, 18), error.Location);
        Assert.Equal(Hl7ErrorCode.RequiredFieldMissing, error.Code);
    }

    // --- timing ---

    [Fact]
    public void TQ1_7_wins_over_ORC_7_and_OBR_27()
    {
        var d = Details(Orm(
            Orc(start: "20261128093000-0600"),
            Seg("TQ1", (1, "1"), (7, "20261128111500-0600"), (9, "S")),
            Obr(more: (27, "^^^20261128120000-0600^^A")),
            Zds()));

        Assert.Equal("111500", d.ScheduledSteps[0].Start.Time);
        Assert.Equal("STAT", d.Priority);
    }

    [Fact]
    public void ORC_7_4_wins_over_OBR_27_4()
    {
        var d = Details(Orm(Orc(start: "20261128093000-0600", priority: "A"), Obr(more: (27, "^^^20261128120000-0600^^S")), Zds()));

        Assert.Equal("093000", d.ScheduledSteps[0].Start.Time);
        Assert.Equal("HIGH", d.Priority);
    }

    [Fact]
    public void OBR_27_4_then_OBR_6_are_the_fallbacks()
    {
        var fromObr27 = Details(Orm(Orc(start: "", priority: ""), Obr(more: (27, "^^^20261128120000-0600^^T")), Zds()));
        Assert.Equal("120000", fromObr27.ScheduledSteps[0].Start.Time);
        Assert.Equal("MEDIUM", fromObr27.Priority);

        var fromObr6 = Details(Orm(Orc(start: "", priority: ""), Obr(more: [(6, "20261128133000-0600"), (7, "20261128080000-0600")]), Zds()));
        Assert.Equal("133000", fromObr6.ScheduledSteps[0].Start.Time);
        Assert.Equal("ROUTINE", fromObr6.Priority);
    }

    [Fact]
    public void OBR_7_alone_is_not_a_scheduled_start()
    {
        var error = Fails(Orm(Orc(start: "", priority: ""), Obr(more: (7, "20261128080000-0600")), Zds()));

        Assert.Equal(Hl7ErrorCode.RequiredFieldMissing, error.Code);
        Assert.Equal(new Hl7Location("ORC", 1, 7, 4), error.Location);
        Assert.StartsWith("no scheduled start: TQ1-7, ORC-7.4, OBR-27.4 and OBR-6 are all empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void With_a_TQ1_the_missing_start_is_reported_at_TQ1_7()
    {
        var error = Fails(Orm(Orc(start: "", priority: ""), Seg("TQ1", (1, "1"), (9, "R")), Obr(), Zds()));

        Assert.Equal(new Hl7Location("TQ1", 1, 7), error.Location);
    }

    [Fact]
    public void A_start_without_offset_is_the_site_s_wall_clock()
    {
        var start = Details(Orm(Orc(start: "202611280930"), Obr(), Zds())).ScheduledSteps[0].Start;

        Assert.Equal(("20261128", "093000", "-0600"), (start.Date, start.Time, start.UtcOffset));
        Assert.Equal(new DateTimeOffset(2026, 11, 28, 15, 30, 0, TimeSpan.Zero), start.Instant);
    }

    [Fact]
    public void A_start_in_another_zone_is_converted_to_the_site_s()
    {
        var start = Details(Orm(Orc(start: "20261128100000+0100"), Obr(), Zds())).ScheduledSteps[0].Start;

        Assert.Equal(("20261128", "030000", "-0600"), (start.Date, start.Time, start.UtcOffset));
    }

    [Fact]
    public void A_start_in_the_spring_forward_gap_is_moved_forward()
    {
        var start = Details(Orm(Orc(start: "20260308023000"), Obr(), Zds())).ScheduledSteps[0].Start;

        Assert.Equal(("20260308", "033000", "-0500"), (start.Date, start.Time, start.UtcOffset));
    }

    [Fact]
    public void A_date_only_start_has_no_time()
    {
        var start = Details(Orm(Orc(start: "20261128"), Obr(), Zds())).ScheduledSteps[0].Start;

        Assert.Equal(("20261128", "", "-0600"), (start.Date, start.Time, start.UtcOffset));
    }

    [Theory]
    [InlineData("2026112809300")]
    [InlineData("20261328093000")]
    [InlineData("20261128093000-06")]
    [InlineData("tomorrow")]
    public void A_malformed_start_is_a_data_type_error_where_it_was_read(string start)
    {
        var error = Fails(Orm(Orc(start: start), Obr(), Zds()));

        Assert.Equal(Hl7ErrorCode.DataTypeError, error.Code);
        Assert.Equal(new Hl7Location("ORC", 1, 7, 4), error.Location);
        Assert.Contains(start, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_start_without_a_day_is_an_error()
    {
        var error = Fails(Orm(Orc(start: "202611"), Obr(), Zds()));

        Assert.Equal(Hl7ErrorCode.DataTypeError, error.Code);
        Assert.Contains("has no day", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("S", "STAT")]
    [InlineData("A", "HIGH")]
    [InlineData("P", "HIGH")]
    [InlineData("R", "ROUTINE")]
    [InlineData("C", "ROUTINE")]
    [InlineData("", "ROUTINE")]
    [InlineData("T", "MEDIUM")]
    [InlineData("TS", "MEDIUM")]
    [InlineData("TM", "MEDIUM")]
    [InlineData("TH", "MEDIUM")]
    [InlineData("TD", "MEDIUM")]
    [InlineData("TW", "MEDIUM")]
    [InlineData("TL", "MEDIUM")]
    [InlineData("PRN", "LOW")]
    [InlineData("s", "STAT")]
    public void Priorities_map_to_DICOM(string hl7, string dicom)
    {
        Assert.Equal(dicom, Details(Orm(Orc(priority: hl7), Obr(), Zds())).Priority);
    }

    [Fact]
    public void An_unknown_priority_is_an_error_not_routine()
    {
        var error = Fails(Orm(Orc(), Seg("TQ1", (1, "1"), (7, "20261128093000-0600"), (9, "U")), Obr(), Zds()));

        Assert.Equal(Hl7ErrorCode.TableValueNotFound, error.Code);
        Assert.Equal(new Hl7Location("TQ1", 1, 9), error.Location);
    }

    // --- patient ---

    [Fact]
    public void The_patient_id_is_the_site_issuer_s_even_when_not_first()
    {
        var d = Details(Message(MshOrm, "PID|1||77^^^NORTHCLINIC^MR~E1^^^EPI^MR~X9^^^OTHER||DOE^JANE", Orc(), Obr(), Zds()));

        Assert.Equal(("E1", "EPI"), (d.Patient.PatientId, d.Patient.IssuerOfPatientId));
        Assert.Equal([new OtherPatientId("77", "NORTHCLINIC"), new OtherPatientId("X9", "OTHER")], d.Patient.OtherPatientIds);
    }

    [Fact]
    public void No_identifier_from_the_site_issuer_is_an_error_at_PID_3()
    {
        var error = Fails(Message(MshOrm, "PID|1||77^^^NORTHCLINIC^MR~E1||DOE^JANE", Orc(), Obr(), Zds()));

        Assert.Equal(Hl7ErrorCode.RequiredFieldMissing, error.Code);
        Assert.Equal(new Hl7Location("PID", 1, 3), error.Location);
        Assert.Equal("PID-3 has no identifier from assigning authority 'EPI' (site MAINHOSP's patient-id-issuer); it has 77 (NORTHCLINIC), E1 (no authority)", error.Message);
    }

    [Fact]
    public void Without_a_configured_issuer_the_first_identifier_is_the_patient_id()
    {
        var d = Details(Message(MshOrm, "PID|1||E1~77^^^NORTHCLINIC||DOE^JANE", Orc(), Obr(), Zds()), With(s => s with { PatientIdIssuer = "" }));

        Assert.Equal(("E1", ""), (d.Patient.PatientId, d.Patient.IssuerOfPatientId));
        Assert.Equal([new OtherPatientId("77", "NORTHCLINIC")], d.Patient.OtherPatientIds);
    }

    [Fact]
    public void An_empty_PID_3_is_an_error()
    {
        var error = Fails(Message(MshOrm, "PID|1||||DOE^JANE", Orc(), Obr(), Zds()));

        Assert.Equal(new Hl7Location("PID", 1, 3), error.Location);
        Assert.Equal("PID-3 (patient identifier list) is empty", error.Message);
    }

    [Fact]
    public void The_legal_name_is_preferred_and_converted_to_PN()
    {
        var d = Details(Message(MshOrm, "PID|1||E1^^^EPI||SMITH^JOHNNY^^^^^A~SMITH^JOHN^Q^JR^DR^PHD^L", Orc(), Obr(), Zds()));

        // XPN family^given^middle^suffix^prefix^degree -> PN family^given^middle^prefix^suffix
        Assert.Equal("SMITH^JOHN^Q^DR^JR", d.Patient.PatientName);
    }

    [Fact]
    public void Escapes_and_accents_in_names_are_decoded()
    {
        var d = Details(Message(MshOrm, "PID|1||E1^^^EPI||O\\T\\NEIL^ZOË", Orc(), Obr(), Zds()));

        Assert.Equal("O&NEIL^ZOË", d.Patient.PatientName);
    }

    [Theory]
    [InlineData("19700214", "19700214")]
    [InlineData("197002141230", "19700214")]
    [InlineData("197002", "")]
    [InlineData("", "")]
    [InlineData("\"\"", "")]
    public void Birth_dates_become_DA_when_they_have_a_day(string hl7, string da)
    {
        Assert.Equal(da, Details(Message(MshOrm, $"PID|1||E1^^^EPI||DOE^JANE||{hl7}|F", Orc(), Obr(), Zds())).Patient.BirthDate);
    }

    [Fact]
    public void An_invalid_birth_date_is_an_error_at_PID_7()
    {
        var error = Fails(Message(MshOrm, "PID|1||E1^^^EPI||DOE^JANE||19701314|F", Orc(), Obr(), Zds()));

        Assert.Equal(Hl7ErrorCode.DataTypeError, error.Code);
        Assert.Equal(new Hl7Location("PID", 1, 7), error.Location);
    }

    [Theory]
    [InlineData("M", "M")]
    [InlineData("F", "F")]
    [InlineData("f", "F")]
    [InlineData("O", "O")]
    [InlineData("A", "O")]
    [InlineData("N", "O")]
    [InlineData("X", "O")]
    [InlineData("U", "")]
    [InlineData("", "")]
    [InlineData("Z", "")]
    public void Sex_maps_to_DICOM(string hl7, string dicom)
    {
        Assert.Equal(dicom, Details(Message(MshOrm, $"PID|1||E1^^^EPI||DOE^JANE||19800101|{hl7}", Orc(), Obr(), Zds())).Patient.Sex);
    }

    // --- physicians, visit, procedure, comments ---

    [Fact]
    public void Without_PV1_8_and_OBR_16_both_physicians_come_from_ORC_12()
    {
        var orc = Orc() + "|||||4242^HOUSE^GREGORY^^^DR^MD";
        var d = Details(Message(MshOrm, PidLine, "PV1|1|O|RAD", orc, Obr(), Zds()));

        Assert.Equal("HOUSE^GREGORY^^DR", d.ReferringPhysician);
        Assert.Equal("HOUSE^GREGORY^^DR", d.RequestingPhysician);
        Assert.Equal("", d.AdmissionId);
        Assert.Equal("RAD", d.PatientLocation);
    }

    [Fact]
    public void Without_PV1_the_visit_values_are_empty()
    {
        var d = Details(Message(MshOrm, PidLine, Orc(), Obr(), Zds()));

        Assert.Equal(("", "", ""), (d.ReferringPhysician, d.AdmissionId, d.PatientLocation));
    }

    [Fact]
    public void Empty_OBR_19_and_OBR_20_fall_back_to_the_accession()
    {
        var d = Details(Orm(Orc(), Seg("OBR", (1, "1"), (4, "IMG1^CT HEAD^EAP"), (18, "ACC1"), (24, "CT")), Zds()));

        Assert.Equal("ACC1", d.RequestedProcedure.Id);
        Assert.Equal("ACC1", d.ScheduledSteps[0].StepId);
    }

    [Fact]
    public void The_alternate_code_is_used_when_the_primary_is_empty()
    {
        var d = Details(Orm(Orc(), Obr(more: (4, "^^^70450^CT HEAD WO^CPT")), Zds()));

        Assert.Equal(new CodedEntry("70450", "CPT", "CT HEAD WO"), d.RequestedProcedure.Code);
        Assert.Equal("CT HEAD WO", d.RequestedProcedure.Description);
    }

    [Fact]
    public void No_procedure_code_is_a_null_code()
    {
        var d = Details(Orm(Orc(), Obr(more: (4, "")), Zds()));

        Assert.Null(d.RequestedProcedure.Code);
        Assert.Null(d.ScheduledSteps[0].ProtocolCode);
        Assert.Equal("", d.RequestedProcedure.Description);
    }

    [Fact]
    public void Only_the_NTEs_after_the_OBR_are_order_comments()
    {
        var d = Details(Message(
            MshOrm,
            "NTE|1||message note",
            PidLine,
            "NTE|1||patient note",
            Pv1Line,
            Orc(),
            Obr(),
            "NTE|1||first line",
            "NTE|2||second \\T\\ last~repeated",
            Zds(),
            "OBX|1|TX|X||value",
            "NTE|1||observation note"));

        Assert.Equal("first line\nsecond & last\nrepeated", d.Comments);
    }

    [Fact]
    public void A_ZDS_before_the_ORC_serves_when_the_group_has_none()
    {
        var d = Details(Message(MshOrm, PidLine, Pv1Line, Zds("1.2.3.9"), Orc(), Obr()));

        Assert.Equal("1.2.3.9", d.StudyInstanceUid);
    }

    // --- modality and station ---

    [Fact]
    public void A_missing_modality_is_an_error_at_OBR_24()
    {
        var error = Fails(Orm(Orc(), Obr(modality: ""), Zds()));

        Assert.Equal(Hl7ErrorCode.RequiredFieldMissing, error.Code);
        Assert.Equal(new Hl7Location("OBR", 1, 24), error.Location);
    }

    [Fact]
    public void A_modality_that_is_not_a_CS_is_an_error()
    {
        var error = Fails(Orm(Orc(), Obr(modality: "C/T"), Zds()));

        Assert.Equal(Hl7ErrorCode.DataTypeError, error.Code);
        Assert.Equal(new Hl7Location("OBR", 1, 24), error.Location);
    }

    [Fact]
    public void The_modality_is_upper_cased()
    {
        Assert.Equal("CT", Details(Orm(Orc(), Obr(modality: "ct"), Zds())).Modality);
    }

    [Fact]
    public void Station_rules_use_the_point_of_care_of_PV1_3()
    {
        var sites = With(s => s with
        {
            Modalities = SiteRules.StationsByAeTitle([new ModalityStation("CT01", "CT"), new ModalityStation("ERCT", "CT", StationName: "ER CT")]),
            StationRules = [new StationRule("CT", "ED", "ERCT")],
        });

        var er = Details(Message(MshOrm, PidLine, "PV1|1|E|ED^BAY3^^MAINHOSP", Orc(), Obr(), Zds()), sites).ScheduledSteps[0];
        var rad = Details(Message(MshOrm, PidLine, "PV1|1|O|RAD^CT1^^MAINHOSP", Orc(), Obr(), Zds()), sites).ScheduledSteps[0];

        Assert.Equal(("ERCT", "ER CT"), (er.StationAeTitle, er.StationName));
        Assert.Equal(("", ""), (rad.StationAeTitle, rad.StationName)); // two CT stations, no rule: unassigned
    }

    // --- Study Instance UID ---

    [Fact]
    public void Without_ZDS_the_derive_policy_derives_the_UID()
    {
        var d = Details(Orm(Orc(), Obr()));

        Assert.Equal(DicomUids.DeriveStudyUid("2.25", "MAINHOSP", "ACC1"), d.StudyInstanceUid);
        Assert.Equal(StudyUidOrigin.Derived, d.StudyInstanceUidOrigin);
    }

    [Fact]
    public void Without_ZDS_the_generate_policy_generates_a_UID()
    {
        var d = Details(Orm(Orc(), Obr()), With(s => s with { StudyUidPolicy = StudyUidPolicy.Generate }), () => Guid.Parse("00000000-0000-0000-0000-0000000000ff"));

        Assert.Equal("2.25.255", d.StudyInstanceUid);
        Assert.Equal(StudyUidOrigin.Generated, d.StudyInstanceUidOrigin);
    }

    [Fact]
    public void Without_ZDS_the_reject_policy_refuses_a_new_order()
    {
        var error = Fails(Orm(Orc(), Obr()), With(s => s with { StudyUidPolicy = StudyUidPolicy.Reject }));

        Assert.Equal(Hl7ErrorCode.RequiredFieldMissing, error.Code);
        Assert.Equal(new Hl7Location("ZDS", 1, 1), error.Location);
        Assert.Equal("no Study Instance UID (ZDS-1) and site MAINHOSP's study-uid-policy is reject", error.Message);
    }

    [Fact]
    public void A_change_without_ZDS_carries_no_UID_whatever_the_policy()
    {
        var result = Map(Orm(Orc("XO", "SC"), Obr()), With(s => s with { StudyUidPolicy = StudyUidPolicy.Reject }));

        var change = Assert.IsType<ChangeOrder>(Assert.Single(result.Commands));
        Assert.Equal(("", StudyUidOrigin.Absent), (change.Details.StudyInstanceUid, change.Details.StudyInstanceUidOrigin));
    }

    [Theory]
    [InlineData("1.2.840.01")]
    [InlineData("1.2.abc")]
    [InlineData("1.2.3.4.5.6.7.8.9.10.11.12.13.14.15.16.17.18.19.20.21.22.23.24.25.26")]
    public void An_invalid_UID_in_ZDS_1_is_a_data_type_error(string uid)
    {
        var error = Fails(Orm(Orc(), Obr(), Zds(uid)));

        Assert.Equal(Hl7ErrorCode.DataTypeError, error.Code);
        Assert.Equal(new Hl7Location("ZDS", 1, 1), error.Location);
    }

    // --- OMI ---

    private const string OmiPid = "PID|1||N1^^^NORTHCLINIC^MR||HANSEN^ANNE||19900101|F";
    private const string OmiOrc = "ORC|NW|PL3^EPC|ACC3^EPC||SC";
    private const string OmiTq1 = "TQ1|1||||||20261128110000+0100||R";
    private const string OmiObr = "OBR|1|PL3^EPC|ACC3^EPC|US1^US ABD^EAP||||||||||||||ACC3|RP3|||||US";

    private static string Ipc(string accession = "ACC3^EPC", string uid = "1.2.3.3", string step = "S1", string modality = "US", string ae = "NCUS02") =>
        $"IPC|{accession}|RP3|{uid}|{step}|{modality}|P1^PROTO^EAP|ROOM|LOC|{ae}";

    [Fact]
    public void OMI_steps_come_from_IPC_with_station_fallbacks()
    {
        var result = Map(Message(MshOmi, OmiPid, OmiOrc, OmiTq1, OmiObr, Ipc(step: "S1"), Ipc(step: "S2", ae: "", modality: "")));

        Assert.True(result.IsSuccess, result.Error?.ToString());
        var steps = ((PlaceOrder)result.Commands[0]).Details.ScheduledSteps;
        Assert.Equal(("S1", "NCUS02", "US"), (steps[0].StepId, steps[0].StationAeTitle, steps[0].Modality));
        Assert.Equal(("S2", "NCUS02", "US"), (steps[1].StepId, steps[1].StationAeTitle, steps[1].Modality)); // AE from the only US station
        Assert.All(steps, s => Assert.Equal(("ROOM", "LOC", "PROTO"), (s.StationName, s.Location, s.Description)));
    }

    [Fact]
    public void OMI_accession_falls_back_to_IPC_1()
    {
        var obr = "OBR|1|PL3^EPC|ACC3^EPC|US1^US ABD^EAP||||||||||||||||||||US";
        var result = Map(Message(MshOmi, OmiPid, OmiOrc, OmiTq1, obr, Ipc()));

        Assert.True(result.IsSuccess, result.Error?.ToString());
        Assert.Equal("ACC3", result.Commands[0].Key.Accession);
        Assert.Equal("RP3", ((PlaceOrder)result.Commands[0]).Details.RequestedProcedure.Id);
    }

    [Fact]
    public void An_IPC_for_another_accession_is_an_error_showing_both()
    {
        var error = Fails(Message(MshOmi, OmiPid, OmiOrc, OmiTq1, OmiObr, Ipc(), Ipc(accession: "ACC4^EPC", step: "S2")));

        Assert.Equal(Hl7ErrorCode.DataTypeError, error.Code);
        Assert.Equal("IPC[2]-1.1", error.Location.ToString());
        Assert.Equal("IPC[2]-1.1 accession 'ACC4' differs from the order's accession 'ACC3' (OBR-18)", error.Message);
    }

    [Fact]
    public void IPCs_with_different_Study_UIDs_are_an_error()
    {
        var error = Fails(Message(MshOmi, OmiPid, OmiOrc, OmiTq1, OmiObr, Ipc(), Ipc(uid: "1.2.3.4", step: "S2")));

        Assert.Equal("IPC[2]-3", error.Location.ToString());
    }

    [Fact]
    public void An_IPC_without_step_id_is_an_error_at_IPC_4()
    {
        var error = Fails(Message(MshOmi, OmiPid, OmiOrc, OmiTq1, OmiObr, Ipc(step: "")));

        Assert.Equal(Hl7ErrorCode.RequiredFieldMissing, error.Code);
        Assert.Equal(new Hl7Location("IPC", 1, 4), error.Location);
    }

    [Fact]
    public void Two_IPCs_with_one_step_id_are_205()
    {
        var error = Fails(Message(MshOmi, OmiPid, OmiOrc, OmiTq1, OmiObr, Ipc(), Ipc()));

        Assert.Equal(Hl7ErrorCode.DuplicateKeyIdentifier, error.Code);
        Assert.Equal("IPC[2]-4", error.Location.ToString());
    }

    [Fact]
    public void An_OMI_new_order_without_IPC_is_an_error()
    {
        var error = Fails(Message(MshOmi, OmiPid, OmiOrc, OmiTq1, OmiObr));

        Assert.Equal(Hl7ErrorCode.SegmentSequenceError, error.Code);
        Assert.Equal(new Hl7Location("OBR", 1, 0), error.Location);
    }

    [Fact]
    public void An_OMI_without_IPC_3_falls_back_to_ZDS_then_to_the_policy()
    {
        var withZds = Map(Message(MshOmi, OmiPid, OmiOrc, OmiTq1, OmiObr, Ipc(uid: ""), "ZDS|1.2.3.77"));
        Assert.Equal("1.2.3.77", ((PlaceOrder)withZds.Commands[0]).Details.StudyInstanceUid);

        var derived = Map(Message(MshOmi, OmiPid, OmiOrc, OmiTq1, OmiObr, Ipc(uid: "")));
        Assert.Equal(DicomUids.DeriveStudyUid("2.25", "NORTHCLINIC", "ACC3"), ((PlaceOrder)derived.Commands[0]).Details.StudyInstanceUid);
    }

    [Fact]
    public void Map_refuses_nulls()
    {
        Assert.Throws<ArgumentNullException>(() => Hl7OrderMapper.Map(null!, TestSites.Directory, TestSites.ReceivedAt));
        Assert.Throws<ArgumentNullException>(() => Hl7OrderMapper.Map(Orm(Orc(), Obr()), null!, TestSites.ReceivedAt));
    }
}
