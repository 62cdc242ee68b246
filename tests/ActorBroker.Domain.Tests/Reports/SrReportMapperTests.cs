using ActorBroker.Dicom.CharacterSets;
using ActorBroker.Dicom.Data;
using ActorBroker.Dicom.Sr;
using ActorBroker.Domain.Orders;
using ActorBroker.Domain.Reports;
using ActorBroker.Domain.Sites;

namespace ActorBroker.Domain.Tests.Reports;

public sealed class SrReportMapperTests
{
    private const string Sop = "2.25.222222222222222222222222222222222222";
    private const string Study = "2.25.26386621736632377956598289970656454468";
    private const string Finding = "Sin hallazgos agudos. No acute findings.";
    private const string Conclusion = "Normal CT chest (señal normal).";

    private static readonly SrContentItem Root = new("", "CONTAINER", new SrCode("18748-4", "LN", "Diagnostic Imaging Report"), "", null, []);

    private static SrDocument Doc(params SrRequest[] requests) => new()
    {
        SopClassUid = SrSopClasses.Comprehensive,
        SopInstanceUid = Sop,
        StudyInstanceUid = Study,
        AccessionNumber = "ACC1",
        CompletionFlag = "COMPLETE",
        VerificationFlag = "VERIFIED",
        ReferencedRequests = requests,
        Root = Root,
        Lines = ["Line."],
    };

    private static IReadOnlyList<InboundReport> Map(SrDocument document, SiteRules? site = null) =>
        SrReportMapper.Map(document, site ?? TestSites.MainHosp, "PEERSCU", TestSites.ReceivedAt);

    private static InboundReport One(SrDocument document, SiteRules? site = null) => Assert.Single(Map(document, site));

    /// <summary>The dataset /work/shared/peers/make-sr.sh builds (fixed UIDs and time), as a C-STORE would deliver it.</summary>
    private static DicomDataset MakeSr()
    {
        var cs = DicomCharacterSet.Utf8;
        DicomDataset Code(string value, string scheme, string meaning) => new DicomDataset(cs)
            .Set(DicomTags.CodeValue, DicomVR.SH, value).Set(DicomTags.CodingSchemeDesignator, DicomVR.SH, scheme).Set(DicomTags.CodeMeaning, DicomVR.LO, meaning);
        DicomDataset Text(string code, string meaning, string text) => new DicomDataset(cs)
            .Set(DicomTags.RelationshipType, DicomVR.CS, "CONTAINS").Set(DicomTags.ValueType, DicomVR.CS, "TEXT")
            .SetSequence(DicomTags.ConceptNameCodeSequence, [Code(code, "DCM", meaning)]).Set(DicomTags.TextValue, DicomVR.UT, text);
        return new DicomDataset()
            .Set(DicomTags.SpecificCharacterSet, DicomVR.CS, "ISO_IR 192")
            .Set(DicomTags.SOPClassUID, DicomVR.UI, SrSopClasses.BasicText)
            .Set(DicomTags.SOPInstanceUID, DicomVR.UI, Sop)
            .Set(DicomTags.ContentDate, DicomVR.DA, "20261128")
            .Set(DicomTags.ContentTime, DicomVR.TM, "101500")
            .Set(DicomTags.AccessionNumber, DicomVR.SH, "ACC00000512")
            .Set(DicomTags.Modality, DicomVR.CS, "SR")
            .Set(DicomTags.PatientName, DicomVR.PN, "Núñez^José")
            .Set(DicomTags.PatientID, DicomVR.LO, "PID0000512")
            .Set(DicomTags.StudyInstanceUID, DicomVR.UI, Study)
            .Set(DicomTags.ValueType, DicomVR.CS, "CONTAINER")
            .SetSequence(DicomTags.ConceptNameCodeSequence, [Code("18748-4", "LN", "Diagnostic Imaging Report")])
            .Set(DicomTags.ContinuityOfContent, DicomVR.CS, "SEPARATE")
            .SetSequence(DicomTags.ReferencedRequestSequence,
            [
                new DicomDataset(cs)
                    .Set(DicomTags.AccessionNumber, DicomVR.SH, "ACC00000512")
                    .Set(DicomTags.StudyInstanceUID, DicomVR.UI, Study)
                    .Set(DicomTags.RequestedProcedureDescription, DicomVR.LO, "CT CHEST WITH CONTRAST")
                    .Set(DicomTags.RequestedProcedureID, DicomVR.SH, "RP00000512")
                    .Set(DicomTags.PlacerOrderNumberImagingServiceRequest, DicomVR.LO, "ORD00000512")
                    .Set(DicomTags.FillerOrderNumberImagingServiceRequest, DicomVR.LO, "ACC00000512"),
            ])
            .Set(DicomTags.CompletionFlag, DicomVR.CS, "COMPLETE")
            .Set(DicomTags.VerificationFlag, DicomVR.CS, "UNVERIFIED")
            .SetSequence(DicomTags.ContentSequence, [Text("121071", "Finding", Finding), Text("121076", "Conclusion", Conclusion)]);
    }

    [Fact]
    public void The_make_sr_document_is_a_preliminary_report_for_its_referenced_request()
    {
        var report = One(StructuredReportReader.Read(MakeSr()));

        Assert.Equal(
            new ReportMatch(new OrderKey("MAINHOSP", "ACC00000512"), "ORD00000512", "ACC00000512", Study, "MAINHOSP") { AccessionAsSent = "ACC00000512" },
            report.Match);
        Assert.Equal(new MessageRef("DICOM", "PEERSCU", Sop, TestSites.ReceivedAt), report.Message);
        Assert.Equal(
            new ReportContent("P", [Finding, Conclusion], "", new DateTimeOffset(2026, 11, 28, 10, 15, 0, TimeSpan.FromHours(-6)), "SR", Sop),
            report.Report);
        Assert.Equal(1, report.OrderGroup);
        Assert.Equal(new RecordReport(report.Match.Key!, report.Message, report.Report), report.ToCommand(report.Match.Key!));
    }

    [Theory]
    [InlineData("COMPLETE", "VERIFIED", "F")]
    [InlineData("COMPLETE", "UNVERIFIED", "P")]
    [InlineData("PARTIAL", "UNVERIFIED", "P")]
    [InlineData("PARTIAL", "VERIFIED", "P")]
    [InlineData("", "", "P")]
    [InlineData("DONE", "VERIFIED", "P")]
    public void Only_a_complete_verified_document_is_final(string completion, string verification, string status)
    {
        var doc = Doc() with { CompletionFlag = completion, VerificationFlag = verification };

        Assert.Equal(status, SrReportMapper.ResultStatusOf(doc));
        Assert.Equal(status, One(doc).Report.ResultStatus);
    }

    [Fact]
    public void Without_referenced_requests_the_document_accession_and_study_are_the_criteria()
    {
        var match = One(Doc()).Match;

        Assert.Equal(new ReportMatch(new OrderKey("MAINHOSP", "ACC1"), "", "", Study, "MAINHOSP") { AccessionAsSent = "ACC1" }, match);
    }

    [Fact]
    public void Without_any_accession_the_report_matches_by_study()
    {
        var match = One(Doc() with { AccessionNumber = "" }).Match;

        Assert.Equal(new ReportMatch(null, "", "", Study, "MAINHOSP"), match);
        Assert.Equal($"MAINHOSP: study {Study}", match.ToString());
    }

    [Fact]
    public void A_single_request_without_accession_or_study_takes_the_documents()
    {
        var match = One(Doc(new SrRequest("", "", "PL9", "", "", ""))).Match;

        Assert.Equal(new ReportMatch(new OrderKey("MAINHOSP", "ACC1"), "PL9", "", Study, "MAINHOSP") { AccessionAsSent = "ACC1" }, match);
    }

    [Fact]
    public void Grouped_procedures_give_one_report_per_request_and_the_same_order_twice_counts_once()
    {
        var reports = Map(Doc(
            new SrRequest("ACC1", "1.2.3", "PL1", "F1", "RP1", "CT chest"),
            new SrRequest("", "", "PL2", "F2", "RP2", "CT abdomen"),
            new SrRequest("acc1", "1.2.3", "PL1", "F1", "RP1", "CT chest again"),
            new SrRequest("ACC3", "", "", "", "", "")));

        Assert.Collection(
            reports,
            r => Assert.Equal((1, new ReportMatch(new OrderKey("MAINHOSP", "ACC1"), "PL1", "F1", "1.2.3", "MAINHOSP") { AccessionAsSent = "ACC1" }), (r.OrderGroup, r.Match)),
            r => Assert.Equal((2, new ReportMatch(null, "PL2", "F2", Study, "MAINHOSP")), (r.OrderGroup, r.Match)),
            r => Assert.Equal((4, new ReportMatch(new OrderKey("MAINHOSP", "ACC3"), "", "", Study, "MAINHOSP") { AccessionAsSent = "ACC3" }), (r.OrderGroup, r.Match)));
        Assert.All(reports, r => Assert.Same(reports[0].Report, r.Report));
    }

    [Fact]
    public void An_accession_the_site_rejects_leaves_the_other_criteria_and_says_why()
    {
        var site = TestSites.MainHosp with { Accession = AccessionRules.Default with { MaxLength = 8 } };

        var match = One(Doc(new SrRequest("ACC00000512", "", "ORD1", "", "", "")), site).Match;

        Assert.Null(match.Key);
        Assert.Equal(("ORD1", "ACC00000512", "accession 'ACC00000512' is 11 characters; the site allows 8"), (match.PlacerOrderNumber, match.AccessionAsSent, match.AccessionProblem));
        Assert.Equal($"MAINHOSP: accession 'ACC00000512' (unusable: accession 'ACC00000512' is 11 characters; the site allows 8), placer ORD1, study {Study}", match.ToString());
    }

    [Fact]
    public void The_accession_is_normalised_by_the_site_rules()
    {
        var site = TestSites.MainHosp with { Accession = AccessionRules.Default with { StripPrefixes = ["PACS-"] } };

        Assert.Equal(new OrderKey("MAINHOSP", "ACC7"), One(Doc() with { AccessionNumber = "pacs-acc7" }, site).Match.Key);
    }

    [Fact]
    public void The_interpreter_is_the_verifying_observer_else_the_person_observer_of_the_context()
    {
        var observer = new SrContentItem("HAS OBS CONTEXT", "PNAME", new SrCode("121008", "DCM", "Person Observer Name"), "House^Gregory", null, []);
        var other = new SrContentItem("CONTAINS", "PNAME", new SrCode("121008", "DCM", "Person Observer Name"), "Not^Context", null, []);
        var withContext = Doc() with { Root = Root with { Children = [other, observer] } };

        Assert.Equal("García^María", One(withContext with { VerifyingObserverName = "García^María" }).Report.Interpreter);
        Assert.Equal("House^Gregory", One(withContext).Report.Interpreter);
        Assert.Equal("", One(Doc() with { Root = Root with { Children = [other] } }).Report.Interpreter);
    }

    [Theory]
    [InlineData("Yamada^Tarou=山田^太郎=やまだ^たろう", "Yamada^Tarou")]
    [InlineData("Smith^John^^^", "Smith^John")]
    [InlineData("=山田^太郎", "=山田^太郎")]
    public void The_interpreter_is_the_alphabetic_part_of_the_name(string pn, string expected)
    {
        Assert.Equal(expected, One(Doc() with { VerifyingObserverName = pn }).Report.Interpreter);
    }

    [Fact]
    public void Content_time_is_an_instant_by_its_offset_else_by_the_site_zone()
    {
        var local = new DateTime(2026, 7, 1, 9, 30, 0);
        var withOffset = Doc() with { ContentDateTime = local, HasContentTime = true, TimezoneOffsetFromUtc = TimeSpan.FromHours(5) };
        var siteTime = Doc() with { ContentDateTime = local, HasContentTime = true };
        var dateOnly = Doc() with { ContentDateTime = local.Date };

        Assert.Equal(new DateTimeOffset(local, TimeSpan.FromHours(5)), One(withOffset).Report.ObservedAt);
        Assert.Equal(new DateTimeOffset(local, TimeSpan.FromHours(-5)), One(siteTime).Report.ObservedAt);
        Assert.Equal(new DateTimeOffset(local, TimeSpan.FromHours(2)), One(siteTime, TestSites.NorthClinic).Report.ObservedAt);
        Assert.Equal(new DateTimeOffset(local.Date, TimeSpan.FromHours(-5)), One(dateOnly).Report.ObservedAt);
        Assert.Null(One(Doc()).Report.ObservedAt);
    }

    [Fact]
    public void The_calling_AE_is_trimmed_and_the_SOP_instance_is_the_message_and_report_id()
    {
        var report = Assert.Single(SrReportMapper.Map(Doc(), TestSites.NorthClinic, " MODALITY1 ", TestSites.ReceivedAt));

        Assert.Equal(new MessageRef("DICOM", "MODALITY1", Sop, TestSites.ReceivedAt), report.Message);
        Assert.Equal(("SR", Sop), (report.Report.Source, report.Report.ReportId));
        Assert.Equal(new OrderKey("NORTHCLINIC", "ACC1"), report.Match.Key);
        Assert.Equal(["Line."], report.Report.Lines);
    }
}
