using ActorBroker.Domain.Orders;

namespace ActorBroker.Domain.Tests;

/// <summary>Orders built by hand, for decider and projection tests that should not depend on the mapper.</summary>
internal static class OrderFixtures
{
    public static readonly OrderKey Key = new("MAINHOSP", "ACC20001");

    public static readonly TimeZoneInfo Chicago = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");

    public static OrderDetails Details(string accession = "ACC20001", string placer = "PL20001", string time = "093000", int steps = 1)
    {
        var hour = int.Parse(time[..2], System.Globalization.CultureInfo.InvariantCulture);
        var start = ScheduledTime.AtLocal(new DateTime(2026, 11, 28, hour, int.Parse(time[2..4], System.Globalization.CultureInfo.InvariantCulture), 0), Chicago);
        var code = new CodedEntry("IMG3301", "EAP", "CT HEAD WO CONTRAST");
        return new OrderDetails(
            PlacerOrderNumber: placer,
            FillerOrderNumber: accession,
            Accession: accession,
            Patient: new PatientIdentity("E1000001", "EPI", [new OtherPatientId("88231", "NORTHCLINIC")], "NÚÑEZ^JOSÉ^ANTONIO", "19700214", "M"),
            ReferringPhysician: "GARCÍA^MARÍA",
            RequestingPhysician: "GARCÍA^MARÍA",
            AdmissionId: "V7001001",
            PatientLocation: "RAD CT1 MAINHOSP",
            RequestedProcedure: new RequestedProcedure("RP20001", "CT HEAD WO CONTRAST", code),
            ReasonForRequest: "Headache, rule out bleed",
            Comments: "",
            Priority: "ROUTINE",
            StudyInstanceUid: "1.2.840.114350.2.277.2.798268.2.20001.1",
            Modality: "CT",
            ScheduledSteps: [.. Enumerable.Range(1, steps).Select(i => new ScheduledStep(
                steps == 1 ? "SPS20001" : $"SPS20001{(char)('A' + i - 1)}",
                "CT HEAD WO CONTRAST",
                code,
                "CT",
                "CT01",
                "CT SCANNER 1",
                "RAD CT1",
                start,
                SpsStatus.Scheduled))],
            OrderStatusCode: "SC");
    }

    /// <summary>An order in the given state, reached through Apply from OrderPlaced (so Apply is exercised too).</summary>
    public static OrderSnapshot InState(OrderState state, OrderDetails? details = null)
    {
        var s = OrderSnapshot.Empty(Key);
        if (state == OrderState.None)
        {
            return s;
        }

        s = OrderDecider.Apply(s, new OrderPlaced(Key, TestSites.Message("SETUP-1"), details ?? Details()));
        IOrderEvent? next = state switch
        {
            OrderState.Held => new OrderHeld(Key, TestSites.Message("SETUP-2")),
            OrderState.InProgress => new OrderStatusChanged(Key, TestSites.Message("SETUP-2"), OrderState.InProgress, "IP"),
            OrderState.Completed => new OrderStatusChanged(Key, TestSites.Message("SETUP-2"), OrderState.Completed, "CM"),
            OrderState.Discontinued => new OrderDiscontinued(Key, TestSites.Message("SETUP-2"), "CA"),
            OrderState.Cancelled => new OrderCancelled(Key, TestSites.Message("SETUP-2"), "CA"),
            _ => null,
        };
        return next is null ? s : OrderDecider.Apply(s, next);
    }
}
