using ActorBroker.Domain.Orders;
using ActorBroker.Domain.Reports;

namespace ActorBroker.Domain.Tests.Orders;

/// <summary>
/// Orders in every state of the lifecycle, including the ones modalities and reports lead to,
/// reached through Apply (like <see cref="OrderFixtures.InState"/>, which covers the EHR's states).
/// </summary>
internal static class LifecycleFixtures
{
    public const string SetupMpps = "1.2.826.0.1.3680043.8.498.1";

    public static readonly OrderKey Key = OrderFixtures.Key;

    public static PerformedStep Step(string uid, string status, int images = 0) => new(
        MppsInstanceUid: uid,
        StudyInstanceUid: "1.2.840.114350.2.277.2.798268.2.20001.1",
        Status: status,
        PerformedStationAeTitle: "CT01",
        Modality: "CT",
        StartDateTime: "20261128093512",
        EndDateTime: status == MppsStatus.InProgress ? "" : "20261128094803",
        DiscontinuationReason: status == MppsStatus.Discontinued ? new CodedEntry("110514", "DCM", "Incorrect worklist entry selected") : null,
        SeriesCount: images > 0 ? 1 : 0,
        ImageCount: images);

    public static ReportContent Report(string status, string id = "RPT-1", string source = "ORU") => new(
        ResultStatus: status,
        Lines: ["CT HEAD WITHOUT CONTRAST", $"IMPRESSION: no acute intracranial abnormality ({status})."],
        Interpreter: "RADIOLOGIST^ANNA",
        ObservedAt: new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.FromHours(-6)),
        Source: source,
        ReportId: id);

    public static MessageRef DicomMessage(string id) => new("DICOM", "CT01", id, TestSites.ReceivedAt);

    public static OrderSnapshot In(Fixture fixture)
    {
        var key = Key;
        return fixture switch
        {
            Fixture.None => OrderFixtures.InState(OrderState.None),
            Fixture.Scheduled => OrderFixtures.InState(OrderState.Scheduled),
            Fixture.Held => OrderFixtures.InState(OrderState.Held),
            Fixture.InProgress => OrderFixtures.InState(OrderState.InProgress),
            Fixture.Completed => OrderFixtures.InState(OrderState.Completed),
            Fixture.Discontinued => OrderFixtures.InState(OrderState.Discontinued),
            Fixture.Cancelled => OrderFixtures.InState(OrderState.Cancelled),
            Fixture.ReportedPreliminary => Then(OrderFixtures.InState(OrderState.Completed), new ReportRecorded(key, TestSites.Message("SETUP-3"), Report("P", "RPT-SETUP"), OrderState.ReportedPreliminary, null)),
            Fixture.ReportedFinal => Then(OrderFixtures.InState(OrderState.Completed), new ReportRecorded(key, TestSites.Message("SETUP-3"), Report("F", "RPT-SETUP"), OrderState.ReportedFinal, null)),
            Fixture.ReportedCorrected => Then(
                OrderFixtures.InState(OrderState.Completed),
                new ReportRecorded(key, TestSites.Message("SETUP-3"), Report("F", "RPT-SETUP"), OrderState.ReportedFinal, null),
                new ReportRecorded(key, TestSites.Message("SETUP-4"), Report("C", "RPT-SETUP-C"), OrderState.ReportedCorrected, null)),
            Fixture.InProgressByMpps => Then(
                OrderFixtures.InState(OrderState.Scheduled),
                new ProcedureStepRecorded(key, DicomMessage("SETUP-3"), Step(SetupMpps, MppsStatus.InProgress), OrderState.InProgress, null)),
            Fixture.CompletedByMpps => Then(
                In(Fixture.InProgressByMpps),
                new ProcedureStepRecorded(key, DicomMessage("SETUP-4"), Step(SetupMpps, MppsStatus.Completed, 120), OrderState.Completed, null)),
            Fixture.DiscontinuedByMpps => Then(
                In(Fixture.InProgressByMpps),
                new ProcedureStepRecorded(key, DicomMessage("SETUP-4"), Step(SetupMpps, MppsStatus.Discontinued), OrderState.Discontinued, null)),
            _ => throw new ArgumentOutOfRangeException(nameof(fixture)),
        };
    }

    /// <summary>The order state a fixture is in (its name, or the state its MPPS history led to).</summary>
    public static OrderState StateOf(Fixture fixture) => fixture switch
    {
        Fixture.InProgressByMpps => OrderState.InProgress,
        Fixture.CompletedByMpps => OrderState.Completed,
        Fixture.DiscontinuedByMpps => OrderState.Discontinued,
        _ => Enum.Parse<OrderState>(fixture.ToString()),
    };

    public static OrderSnapshot Then(OrderSnapshot state, params IOrderEvent[] events) =>
        events.Aggregate(state, OrderDecider.Apply);

    /// <summary>Decides and, when accepted, applies: the state after the command.</summary>
    public static OrderSnapshot Run(OrderSnapshot state, IOrderCommand command)
    {
        var decision = OrderDecider.Decide(state, command);
        return decision is OrderDecision.Accepted accepted ? Then(state, [.. accepted.Events]) : state;
    }
}
