using ActorBroker.Domain.Orders;
using ActorBroker.Domain.Outbound;
using ActorBroker.Domain.Reports;

namespace ActorBroker.Domain.Tests.Outbound;

/// <summary>The CT head order of the samples (orm-o01-new-ct.hl7) as the notices the order actor would raise.</summary>
internal static class OutboundSamples
{
    public const string StudyUid = "1.2.840.114350.2.277.2.798268.2.20001.1";

    public static readonly TimeSpan Chicago = TimeSpan.FromHours(-6);

    public static readonly DateTimeOffset ExamStarted = new(2026, 11, 28, 9, 35, 0, Chicago);

    public static readonly DateTimeOffset Now = new(2026, 11, 28, 9, 35, 2, Chicago);

    public static PatientIdentity Patient(string name = "NÚÑEZ^JOSÉ^ANTONIO^SR.") =>
        new("E1000001", "EPI", [new OtherPatientId("88231", "NORTHCLINIC")], name, "19700214", "M");

    public static OutboundNotice Status(string orderStatus = "IP", string charset = "UNICODE UTF-8", PatientIdentity? patient = null) =>
        new(
            OutboundNotice.StatusKind,
            new OrderKey("MAINHOSP", "ACC20001"),
            PlacerOrderNumber: "PL20001",
            FillerOrderNumber: "ACC20001",
            Accession: "ACC20001",
            RequestedProcedure: new RequestedProcedure("RP20001", "CT HEAD WO CONTRAST", new CodedEntry("IMG3301", "EAP", "CT HEAD WO CONTRAST")),
            Patient: patient ?? Patient(),
            OrderStatus: orderStatus,
            Hl7CharacterSet: charset,
            StudyInstanceUid: StudyUid,
            Modality: "CT",
            OccurredAt: ExamStarted);

    public static ReportContent Report(string status = "F", params string[] lines) =>
        new(
            status,
            lines.Length > 0 ? lines : ["FINDINGS: No acute intracranial hemorrhage.", "IMPRESSION: Normal non-contrast head CT."],
            "GARCÍA^MARÍA",
            new DateTimeOffset(2026, 11, 28, 11, 55, 0, Chicago),
            "ORU",
            "MSG000008");

    public static OutboundNotice Result(ReportContent? report = null, string charset = "UNICODE UTF-8") =>
        Status("CM", charset) with
        {
            Kind = OutboundNotice.ResultKind,
            Report = report ?? Report(),
            OccurredAt = new DateTimeOffset(2026, 11, 28, 12, 0, 0, Chicago),
        };
}
