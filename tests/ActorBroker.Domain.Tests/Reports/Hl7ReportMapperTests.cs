using System.Text;
using ActorBroker.Domain.Orders;
using ActorBroker.Domain.Reports;
using ActorBroker.Domain.Sites;
using ActorBroker.Hl7;
using static ActorBroker.Domain.Tests.Reports.Oru;

namespace ActorBroker.Domain.Tests.Reports;

public sealed class Hl7ReportMapperTests
{
    private static ReportMappingResult Map(Hl7Message message, SiteDirectory? sites = null) =>
        Hl7ReportMapper.Map(message, sites ?? TestSites.Directory, TestSites.ReceivedAt);

    private static InboundReport One(Hl7Message message, SiteDirectory? sites = null)
    {
        var result = Map(message, sites);
        Assert.True(result.IsSuccess, result.Error?.ToString());
        return Assert.Single(result.Reports);
    }

    private static Hl7Error Fails(Hl7Message message, SiteDirectory? sites = null)
    {
        var result = Map(message, sites);
        Assert.False(result.IsSuccess, result.ToString());
        Assert.Empty(result.Reports);
        return result.Error;
    }

    private static IReadOnlyList<string> Lines(params string[] obx) => One(Message([OrcRe(), Obr(), .. obx])).Report.Lines;

    private static SiteDirectory With(Func<SiteRules, SiteRules> change) => new([change(TestSites.MainHosp), TestSites.NorthClinic]);

    // --- the sample ---

    [Fact]
    public void The_sample_ORU_reports_ACC20001_final_with_two_lines()
    {
        var result = Map(Samples.Load("oru-r01-final.hl7"));

        Assert.True(result.IsSuccess, result.Error?.ToString());
        Assert.Same(TestSites.MainHosp, result.Site);
        var report = Assert.Single(result.Reports);
        Assert.Equal(new ReportMatch(new OrderKey("MAINHOSP", "ACC20001"), "PL20001", "ACC20001", "", "MAINHOSP") { AccessionAsSent = "ACC20001" }, report.Match);
        Assert.Equal(new MessageRef("DICTATION", "MAINHOSP", "MSG000008", TestSites.ReceivedAt), report.Message);
        Assert.Equal(1, report.OrderGroup);
        Assert.Equal(
            new ReportContent(
                "F",
                ["FINDINGS: No acute intracranial hemorrhage.", "IMPRESSION: Normal non-contrast head CT."],
                "",
                new DateTimeOffset(2026, 11, 28, 9, 35, 0, TimeSpan.FromHours(-6)),
                "ORU",
                "MSG000008"),
            report.Report);
    }

    [Fact]
    public void ToCommand_makes_the_RecordReport_for_the_matched_order()
    {
        var report = Assert.Single(Map(Samples.Load("oru-r01-final.hl7")).Reports);
        var key = new OrderKey("MAINHOSP", "ACC20001");

        var command = report.ToCommand(key);

        Assert.Equal(new RecordReport(key, report.Message, report.Report) { OrderGroup = 1 }, command);
    }

    // --- header ---

    [Theory]
    [InlineData("ORU^R01")]
    [InlineData("ORU^R01^ORU_R01")]
    [InlineData("ORU")]
    [InlineData("oru^r01")]
    public void ORU_R01_and_a_bare_ORU_of_2_3_are_accepted(string type)
    {
        var message = Er7Message(MshOru.Replace("ORU^R01", type, StringComparison.Ordinal).Replace("|2.5.1|", "|2.3|", StringComparison.Ordinal));

        Assert.True(Map(message).IsSuccess);
    }

    [Theory]
    [InlineData("ORU^R30", Hl7ErrorCode.UnsupportedEventCode, 2, "MSH-9 trigger event 'ORU^R30' is not handled by the report interface (ORU^R01)")]
    [InlineData("ORM^O01", Hl7ErrorCode.UnsupportedMessageType, 0, "MSH-9 message type 'ORM^O01' is not handled by the report interface (ORU^R01)")]
    [InlineData("ADT^A08", Hl7ErrorCode.UnsupportedMessageType, 0, "MSH-9 message type 'ADT^A08' is not handled by the report interface (ORU^R01)")]
    public void Other_message_types_are_refused_at_MSH_9(string type, Hl7ErrorCode code, int component, string text)
    {
        var error = Fails(Er7Message(MshOru.Replace("ORU^R01", type, StringComparison.Ordinal)));

        Assert.Equal(code, error.Code);
        Assert.Equal(new Hl7Location("MSH", 1, 9, component), error.Location);
        Assert.Equal(text, error.Message);
    }

    [Fact]
    public void An_unknown_sending_facility_is_an_error_at_MSH_4()
    {
        var error = Fails(Er7Message(MshOru.Replace("|MAINHOSP|", "|SOUTHCLINIC|", StringComparison.Ordinal)));

        Assert.Equal(Hl7ErrorCode.TableValueNotFound, error.Code);
        Assert.Equal(new Hl7Location("MSH", 1, 4), error.Location);
        Assert.Equal("MSH-4 sending facility 'SOUTHCLINIC' is not configured for any site (configured: MAINHOSP, NORTHCLINIC)", error.Message);
    }

    [Fact]
    public void An_empty_control_id_is_an_error_at_MSH_10_with_the_site_known()
    {
        var result = Map(Er7Message(MshOru.Replace("|R0001|", "||", StringComparison.Ordinal)));

        Assert.False(result.IsSuccess);
        Assert.Same(TestSites.MainHosp, result.Site);
        Assert.Equal((Hl7ErrorCode.RequiredFieldMissing, new Hl7Location("MSH", 1, 10)), (result.Error.Code, result.Error.Location));
    }

    [Fact]
    public void A_NORTHCLINIC_report_belongs_to_NORTHCLINIC()
    {
        var report = One(Er7Message(MshOru.Replace("|MAINHOSP|", "|NORTHCLINIC|", StringComparison.Ordinal)));

        Assert.Equal(new OrderKey("NORTHCLINIC", "ACC1"), report.Match.Key);
        Assert.Equal("NORTHCLINIC", report.Match.Site);
    }

    private static Hl7Message Er7Message(string msh) => Mapping.Er7.Message(msh, Mapping.Er7.PidLine, OrcRe(), Obr(), Tx(1, "Text."));

    // --- structure ---

    [Fact]
    public void A_message_without_OBR_is_refused()
    {
        var error = Fails(Message());

        Assert.Equal((Hl7ErrorCode.SegmentSequenceError, new Hl7Location("OBR", 1, 0)), (error.Code, error.Location));
        Assert.Equal("the message has no OBR segment: there is no report in it", error.Message);
    }

    [Fact]
    public void An_OBX_before_any_OBR_is_refused_at_the_OBX()
    {
        var error = Fails(Message(Tx(1, "Orphan."), Obr()));

        Assert.Equal((Hl7ErrorCode.SegmentSequenceError, new Hl7Location("OBX", 1, 0)), (error.Code, error.Location));
        Assert.Equal("OBX comes before any OBR: an observation belongs to the OBR before it", error.Message);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void An_ORC_without_its_OBR_is_refused_at_the_ORC(bool followedByAnotherOrc)
    {
        var message = followedByAnotherOrc
            ? Message(OrcRe(), OrcRe("PL2", "F2"), Obr(), Tx(1, "x"))
            : Message(OrcRe(), Obr(), Tx(1, "x"), OrcRe("PL2", "F2"));

        var error = Fails(message);

        var orc = followedByAnotherOrc ? 1 : 2;
        Assert.Equal((Hl7ErrorCode.SegmentSequenceError, new Hl7Location("ORC", orc, 0)), (error.Code, error.Location));
        Assert.EndsWith("has no OBR: a report needs its OBR (accession OBR-18, result status OBR-25)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_OBR_group_is_one_report_in_message_order_with_its_own_numbers_and_text()
    {
        var result = Map(Message(
            OrcRe("PL1", "F1"), Obr("ACC1", "F"), Tx(1, "First report."),
            OrcRe("PL2", "F2"), Obr("ACC2", "P"), Tx(1, "Second report."), Tx(2, "More.")));

        Assert.True(result.IsSuccess, result.Error?.ToString());
        Assert.Collection(
            result.Reports,
            first =>
            {
                Assert.Equal((1, "ACC1", "PL1", "F1", "F"), (first.OrderGroup, first.Match.Key!.Accession, first.Match.PlacerOrderNumber, first.Match.FillerOrderNumber, first.Report.ResultStatus));
                Assert.Equal(["First report."], first.Report.Lines);
            },
            second =>
            {
                Assert.Equal((2, "ACC2", "PL2", "F2", "P"), (second.OrderGroup, second.Match.Key!.Accession, second.Match.PlacerOrderNumber, second.Match.FillerOrderNumber, second.Report.ResultStatus));
                Assert.Equal(["Second report.", "More."], second.Report.Lines);
            });
        Assert.Equal(result.Reports[0].Message, result.Reports[1].Message);
        Assert.Equal("MAINHOSP: F MAINHOSP: accession ACC1, placer PL1, filler F1; P MAINHOSP: accession ACC2, placer PL2, filler F2", result.ToString());
    }

    [Fact]
    public void A_second_OBR_with_the_same_accession_is_refused()
    {
        var error = Fails(Message(Obr("ACC1"), Tx(1, "a"), Obr("acc1"), Tx(2, "b")));

        Assert.Equal((Hl7ErrorCode.DuplicateKeyIdentifier, new Hl7Location("OBR", 2, 18)), (error.Code, error.Location));
        Assert.Equal("accession ACC1 at OBR[2]-18 is already the accession of the report at OBR-18: one report per order in a message", error.Message);
    }

    // --- match criteria ---

    [Fact]
    public void The_accession_is_normalised_by_the_site_rules_and_kept_as_sent()
    {
        var sites = With(s => s with { Accession = AccessionRules.Default with { StripPrefixes = ["EPC-"] } });

        var match = One(Simple(Obr("epc-acc55")), sites).Match;

        Assert.Equal(new OrderKey("MAINHOSP", "ACC55"), match.Key);
        Assert.Equal("epc-acc55", match.AccessionAsSent);
        Assert.Equal("", match.AccessionProblem);
    }

    [Fact]
    public void An_accession_the_site_rules_refuse_is_an_error_at_OBR_18()
    {
        var error = Fails(Simple(Obr("ACC12345678901234")));

        Assert.Equal((Hl7ErrorCode.DataTypeError, new Hl7Location("OBR", 1, 18)), (error.Code, error.Location));
        Assert.Equal("OBR-18: accession 'ACC12345678901234' is 17 characters; DICOM SH allows 16", error.Message);
    }

    [Fact]
    public void Placer_and_filler_come_from_the_ORC_else_from_the_OBR()
    {
        var fromOrc = One(Message(OrcRe("ORCPL", "ORCF"), Obr(), Tx(1, "x"))).Match;
        var fromObr = One(Message(Obr(), Tx(1, "x"))).Match;
        var orcEmpty = One(Message(Mapping.Er7.Seg("ORC", (1, "RE")), Obr(), Tx(1, "x"))).Match;

        Assert.Equal(("ORCPL", "ORCF"), (fromOrc.PlacerOrderNumber, fromOrc.FillerOrderNumber));
        Assert.Equal(("PL1", "F1"), (fromObr.PlacerOrderNumber, fromObr.FillerOrderNumber));
        Assert.Equal(("PL1", "F1"), (orcEmpty.PlacerOrderNumber, orcEmpty.FillerOrderNumber));
    }

    [Fact]
    public void Without_accession_a_report_matches_by_placer_filler_or_study()
    {
        var byPlacer = One(Message(Obr("", "F", (3, "")), Tx(1, "x"))).Match;
        var byStudy = One(Message(Obr("", "F", (2, ""), (3, "")), Obx(1, "HD", "1.2.840.99.1", id: "113014^DICOM Study^DCM"), Tx(2, "x"))).Match;

        Assert.Equal(new ReportMatch(null, "PL1", "", "", "MAINHOSP"), byPlacer);
        Assert.Equal(new ReportMatch(null, "", "", "1.2.840.99.1", "MAINHOSP"), byStudy);
        Assert.Equal("MAINHOSP: placer PL1", byPlacer.ToString());
    }

    [Fact]
    public void A_report_with_nothing_to_match_is_refused_at_OBR_18()
    {
        var error = Fails(Message(Obr("", "F", (2, ""), (3, "")), Tx(1, "x")));

        Assert.Equal((Hl7ErrorCode.RequiredFieldMissing, new Hl7Location("OBR", 1, 18)), (error.Code, error.Location));
        Assert.Equal(
            "OBR-18 (accession number) is empty and there is no placer (ORC-2/OBR-2) or filler (ORC-3/OBR-3) order number or Study Instance UID (OBX 113014, ZDS-1): the report cannot be matched to an order",
            error.Message);
    }

    [Theory]
    [InlineData("HD", "113014^DICOM Study^DCM", "1.2.840.1.5")]
    [InlineData("HD", "110180^Study Instance UID^DCM", "1.2.840.1.5")]
    [InlineData("HD", "^Study Instance UID", "1.2.840.1.5")]
    [InlineData("ST", "STUDY_UID", "1.2.840.1.5")]
    [InlineData("RP", "StudyInstanceUID", "1.2.840.1.5^PACS^Application^DICOM")]
    public void The_study_uid_comes_from_a_study_OBX_and_is_not_report_text(string type, string id, string value)
    {
        var report = One(Message(OrcRe(), Obr(), Obx(1, type, value, id: id), Tx(2, "Text.")));

        Assert.Equal("1.2.840.1.5", report.Match.StudyInstanceUid);
        Assert.Equal(["Text."], report.Report.Lines);
    }

    [Fact]
    public void The_study_uid_comes_from_ZDS_1_of_the_group_else_one_before_the_first_OBR()
    {
        var own = One(Message("ZDS|1.2.9^X^Application^DICOM", OrcRe(), Obr(), Tx(1, "x"), "ZDS|1.2.3^EPIC^Application^DICOM")).Match;
        var header = One(Message("ZDS|1.2.9^X^Application^DICOM", OrcRe(), Obr(), Tx(1, "x"))).Match;
        var obxWins = One(Message(OrcRe(), Obr(), Obx(1, "HD", "1.2.7", id: "113014^DICOM Study^DCM"), Tx(2, "x"), "ZDS|1.2.3")).Match;

        Assert.Equal("1.2.3", own.StudyInstanceUid);
        Assert.Equal("1.2.9", header.StudyInstanceUid);
        Assert.Equal("1.2.7", obxWins.StudyInstanceUid);
    }

    [Fact]
    public void An_invalid_study_uid_is_an_error_where_it_was_found()
    {
        var inObx = Fails(Message(OrcRe(), Obr(), Tx(1, "x"), Obx(2, "HD", "1.02.3", id: "113014^DICOM Study^DCM")));
        var inZds = Fails(Message(OrcRe(), Obr(), Tx(1, "x"), "ZDS|abc"));

        Assert.Equal((Hl7ErrorCode.DataTypeError, new Hl7Location("OBX", 2, 5)), (inObx.Code, inObx.Location));
        Assert.Equal("OBX[2]-5 '1.02.3' is not a valid DICOM UID (digits and dots, no leading zeros, at most 64 characters)", inObx.Message);
        Assert.Equal((Hl7ErrorCode.DataTypeError, new Hl7Location("ZDS", 1, 1)), (inZds.Code, inZds.Location));
    }

    [Fact]
    public void Other_DICOM_reference_OBXs_are_not_report_text()
    {
        var lines = Lines(
            Obx(1, "ST", "1.2.3.4", id: "^SR Instance UID"),
            Obx(2, "ST", "1.2.840.10008.5.1.4.1.1.88.11", id: "^SOP Class UID"),
            Obx(3, "ST", "1.2.3.5", id: "112002^Series Instance UID^DCM"),
            Tx(4, "Only this."));

        Assert.Equal(["Only this."], lines);
    }

    // --- result status ---

    [Theory]
    [InlineData("P")]
    [InlineData("F")]
    [InlineData("C")]
    [InlineData("c")]
    public void OBR_25_P_F_and_C_are_the_report_status(string status)
    {
        Assert.Equal(status.ToUpperInvariant(), One(Simple(Obr("ACC1", status))).Report.ResultStatus);
    }

    [Fact]
    public void Without_OBR_25_the_first_OBX_11_is_the_status()
    {
        var report = One(Message(OrcRe(), Obr("ACC1", ""), Obx(1, "TX", "x", status: ""), Tx(2, "y", "C"), Tx(3, "z", "F")));

        Assert.Equal("C", report.Report.ResultStatus);
    }

    [Fact]
    public void OBR_25_wins_over_OBX_11()
    {
        Assert.Equal("P", One(Message(OrcRe(), Obr("ACC1", "P"), Tx(1, "x", "F"))).Report.ResultStatus);
    }

    [Theory]
    [InlineData("I")]
    [InlineData("R")]
    [InlineData("X")]
    [InlineData("S")]
    public void Other_OBR_25_statuses_are_refused_at_OBR_25(string status)
    {
        var error = Fails(Simple(Obr("ACC1", status)));

        Assert.Equal((Hl7ErrorCode.TableValueNotFound, new Hl7Location("OBR", 1, 25)), (error.Code, error.Location));
        Assert.Equal($"OBR-25 result status '{status}' is not a report status the broker takes: P (preliminary), F (final) or C (corrected)", error.Message);
    }

    [Fact]
    public void An_unsupported_OBX_11_status_is_refused_at_that_OBX_11()
    {
        var error = Fails(Message(OrcRe(), Obr("ACC1", ""), Tx(1, "x", ""), Tx(2, "y", "X")));

        Assert.Equal((Hl7ErrorCode.TableValueNotFound, new Hl7Location("OBX", 2, 11)), (error.Code, error.Location));
    }

    [Fact]
    public void No_status_at_all_is_refused_at_OBR_25()
    {
        var error = Fails(Message(OrcRe(), Obr("ACC1", ""), Tx(1, "x", "")));

        Assert.Equal((Hl7ErrorCode.RequiredFieldMissing, new Hl7Location("OBR", 1, 25)), (error.Code, error.Location));
        Assert.Equal("OBR-25 (result status) is empty and no OBX-11 gives one: a report is P (preliminary), F (final) or C (corrected)", error.Message);
    }

    // --- text ---

    [Fact]
    public void FT_breaks_lines_at_br_and_ce_adds_blank_lines_for_sp_and_resolves_escapes()
    {
        var lines = Lines(Obx(1, "FT", @"FINDINGS:\.br\Lungs \H\clear\N\ \T\ normal.\.sp\IMPRESSION:\.br\\.in+4\Normal\.sk2\study\X2E\\.sp2\\.ce\Signed \E\.br\E\ here\F\"));

        Assert.Equal(["FINDINGS:", "Lungs clear & normal.", "", "IMPRESSION:", "Normal  study.", "", "", "", "Signed \\.br\\ here|"], lines);
    }

    [Fact]
    public void FT_drops_charset_switches_local_escapes_fi_nf_and_keeps_unknown_sequences_verbatim()
    {
        var lines = Lines(Obx(1, "FT", @"\.nf\A\C2842\B\Zlocal\C\.fi\ \Q\ \M2842\done"));

        Assert.Equal([@"ABC \Q\ done"], lines);
    }

    [Fact]
    public void FT_with_a_lone_escape_character_keeps_it()
    {
        Assert.Equal([@"C:\path"], Lines(Obx(1, "FT", @"C:\path")));
    }

    [Fact]
    public void TX_gives_one_line_per_repetition_and_keeps_inner_blank_lines_only()
    {
        var lines = Lines(Tx(1, "~~First line~Second line~~Fourth~"), Tx(2, "Next OBX~~"));

        Assert.Equal(["First line", "Second line", "", "Fourth", "", "Next OBX"], lines);
    }

    [Fact]
    public void ST_and_an_OBX_without_value_type_are_text_lines_too()
    {
        Assert.Equal(["One.", "Two.  "[..4]], Lines(Obx(1, "ST", "One."), Obx(2, "", "Two.  ")));
    }

    [Fact]
    public void Coded_and_numeric_observations_are_concept_colon_value()
    {
        var lines = Lines(
            Tx(1, "Text."),
            Obx(2, "CE", "R91.8^Lung nodule^I10~^^^^", id: "59776-5^Procedure findings^LN"),
            Obx(3, "CWE", "J18^^I10", id: "^^^X^Diagnosis^L"),
            Obx(4, "NM", "12", id: "NOD^Nodule size^L", more: [(6, "mm^millimeter^UCUM")]),
            Obx(5, "NM", "3", id: "CNT^^L"),
            Obx(6, "NM", "", id: "EMPTY^Empty^L"));

        Assert.Equal(["Text.", "Procedure findings: Lung nodule", "Diagnosis: J18", "Nodule size: 12 millimeter", "3"], lines);
    }

    [Fact]
    public void Deleted_and_wrong_OBXs_and_other_value_types_are_not_text()
    {
        var lines = Lines(Tx(1, "Kept."), Tx(2, "Deleted.", "D"), Tx(3, "Wrong.", "W"), Obx(4, "ED", "^TEXT^^Base64^AAAA"), Obx(5, "RP", "http://x^WEB"));

        Assert.Equal(["Kept."], lines);
    }

    [Fact]
    public void An_OBR_without_text_is_refused()
    {
        var error = Fails(Message(OrcRe(), Obr(), Tx(1, "kept"), Obr("ACC2"), Obx(1, "TX", ""), Obx(2, "HD", "1.2.3", id: "113014^DICOM Study^DCM")));

        Assert.Equal((Hl7ErrorCode.SegmentSequenceError, new Hl7Location("OBR", 2, 0)), (error.Code, error.Location));
        Assert.Equal("OBR[2] has no report text: no OBX of value type TX, FT, ST, CE or NM with a value follows it", error.Message);
    }

    [Fact]
    public void Latin1_text_is_decoded_with_MSH_18()
    {
        var er7 = string.Join('\r', MshOru.Replace("UNICODE UTF-8", "8859/1", StringComparison.Ordinal), Mapping.Er7.PidLine, OrcRe(), Obr(), Tx(1, "Größe normal; señal normal.")) + "\r";
        var message = Hl7Message.Parse(Encoding.Latin1.GetBytes(er7));

        Assert.Equal(["Größe normal; señal normal."], One(message).Report.Lines);
    }

    // --- interpreter ---

    [Theory]
    [InlineData("4411&GARCÍA&MARÍA", "GARCÍA^MARÍA")]
    [InlineData("4411&GARCÍA&MARÍA&J&JR&DR^20261128^20261129", "GARCÍA^MARÍA^J^DR^JR")]
    [InlineData("&SMITH&JOHN", "SMITH^JOHN")]
    [InlineData("4411^GARCIA^MARIA^^^DR", "GARCIA^MARIA^^DR")]
    [InlineData("4411^20261128", "4411")]
    [InlineData("4411", "4411")]
    [InlineData("DR SMITH", "DR SMITH")]
    public void The_interpreter_is_OBR_32_as_PN_in_either_the_NDL_or_the_XCN_shape(string obr32, string expected)
    {
        Assert.Equal(expected, One(Simple(Obr("ACC1", "F", (32, obr32)))).Report.Interpreter);
    }

    [Fact]
    public void Without_OBR_32_the_interpreter_is_OBX_16_of_the_first_text_OBX()
    {
        var report = One(Message(OrcRe(), Obr(), Obx(1, "HD", "1.2.3", id: "113014^DICOM Study^DCM", more: [(16, "1^STUDY^UID")]), Obx(2, "TX", "x", more: [(16, "99^JONES^ANN")])));

        Assert.Equal("JONES^ANN", report.Report.Interpreter);
    }

    // --- observation time ---

    [Fact]
    public void OBR_7_with_an_offset_is_that_instant()
    {
        Assert.Equal(new DateTimeOffset(2026, 11, 28, 9, 35, 0, TimeSpan.FromHours(-6)), One(Simple(Obr())).Report.ObservedAt);
    }

    [Fact]
    public void OBR_7_without_an_offset_is_the_site_wall_clock()
    {
        var chicago = One(Simple(Obr("ACC1", "F", (7, "202611280935")))).Report.ObservedAt;
        var copenhagen = One(Mapping.Er7.Message(MshOru.Replace("|MAINHOSP|", "|NORTHCLINIC|", StringComparison.Ordinal), OrcRe(), Obr("ACC1", "F", (7, "202607010935")), Tx(1, "x"))).Report.ObservedAt;

        Assert.Equal(new DateTimeOffset(2026, 11, 28, 9, 35, 0, TimeSpan.FromHours(-6)), chicago);
        Assert.Equal(new DateTimeOffset(2026, 7, 1, 9, 35, 0, TimeSpan.FromHours(2)), copenhagen);
    }

    [Fact]
    public void Without_OBR_7_the_first_OBX_14_is_used_and_without_either_there_is_none()
    {
        var fromObx = One(Message(OrcRe(), Obr("ACC1", "F", (7, "")), Obx(1, "TX", "x", more: [(14, "20261128")]))).Report.ObservedAt;
        var none = One(Message(OrcRe(), Obr("ACC1", "F", (7, "")), Tx(1, "x"))).Report.ObservedAt;

        Assert.Equal(new DateTimeOffset(2026, 11, 28, 0, 0, 0, TimeSpan.FromHours(-6)), fromObx);
        Assert.Null(none);
    }

    [Theory]
    [InlineData("2026113")]
    [InlineData("202611")]
    [InlineData("20261128250000")]
    public void An_invalid_OBR_7_is_an_error_at_OBR_7(string value)
    {
        var error = Fails(Simple(Obr("ACC1", "F", (7, value))));

        Assert.Equal((Hl7ErrorCode.DataTypeError, new Hl7Location("OBR", 1, 7)), (error.Code, error.Location));
        Assert.Equal($"OBR-7 '{value}' is not a valid HL7 timestamp with at least a date (YYYYMMDD[HHMM[SS]][+/-ZZZZ])", error.Message);
    }
}
