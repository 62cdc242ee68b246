using ActorBroker.Domain.Orders;
using ActorBroker.Domain.Worklist;

namespace ActorBroker.Domain.Tests.Worklist;

public sealed class WorklistProjectionTests
{
    [Fact]
    public void A_scheduled_order_gives_one_item_per_step_with_every_value()
    {
        var order = OrderFixtures.InState(OrderState.Scheduled);
        var item = Assert.Single(WorklistProjection.ItemsFor(order, TestSites.MainHosp));

        Assert.Equal("ACC20001", item.AccessionNumber);
        Assert.Equal("E1000001", item.PatientId);
        Assert.Equal("EPI", item.IssuerOfPatientId);
        Assert.Equal([new OtherPatientId("88231", "NORTHCLINIC")], item.OtherPatientIds);
        Assert.Equal("NÚÑEZ^JOSÉ^ANTONIO", item.PatientName);
        Assert.Equal("19700214", item.PatientBirthDate);
        Assert.Equal("M", item.PatientSex);
        Assert.Equal("GARCÍA^MARÍA", item.ReferringPhysicianName);
        Assert.Equal("GARCÍA^MARÍA", item.RequestingPhysician);
        Assert.Equal("V7001001", item.AdmissionId);
        Assert.Equal("RAD CT1 MAINHOSP", item.CurrentPatientLocation);
        Assert.Equal("1.2.840.114350.2.277.2.798268.2.20001.1", item.StudyInstanceUid);
        Assert.Equal("RP20001", item.RequestedProcedureId);
        Assert.Equal("CT HEAD WO CONTRAST", item.RequestedProcedureDescription);
        Assert.Equal(new CodedEntry("IMG3301", "EAP", "CT HEAD WO CONTRAST"), item.RequestedProcedureCode);
        Assert.Equal("ROUTINE", item.RequestedProcedurePriority);
        Assert.Equal("Headache, rule out bleed", item.ReasonForRequestedProcedure);
        Assert.Equal("", item.RequestedProcedureComments);
        Assert.Equal("PL20001", item.PlacerOrderNumber);
        Assert.Equal("ACC20001", item.FillerOrderNumber);
        Assert.Equal("CT", item.Modality);
        Assert.Equal("CT01", item.ScheduledStationAeTitle);
        Assert.Equal("CT SCANNER 1", item.ScheduledStationName);
        Assert.Equal("RAD CT1", item.ScheduledProcedureStepLocation);
        Assert.Equal("20261128", item.SpsStartDate);
        Assert.Equal("093000", item.SpsStartTime);
        Assert.Equal("-0600", item.TimezoneOffsetFromUtc);
        Assert.Equal("SPS20001", item.SpsId);
        Assert.Equal("CT HEAD WO CONTRAST", item.SpsDescription);
        Assert.Equal(new CodedEntry("IMG3301", "EAP", "CT HEAD WO CONTRAST"), item.ScheduledProtocolCode);
        Assert.Equal("SCHEDULED", item.SpsStatus);
        Assert.Equal("MAINHOSP", item.Site);
        Assert.Equal(OrderState.Scheduled, item.OrderState);
        Assert.Equal(new DateTimeOffset(2026, 11, 28, 15, 30, 0, TimeSpan.Zero), item.StartInstant);
    }

    [Fact]
    public void Two_steps_give_two_items_in_order()
    {
        var order = OrderFixtures.InState(OrderState.Scheduled, OrderFixtures.Details(steps: 2));
        var items = WorklistProjection.ItemsFor(order, TestSites.MainHosp);

        Assert.Equal(["SPS20001A", "SPS20001B"], items.Select(i => i.SpsId));
        Assert.All(items, i => Assert.Equal("ACC20001", i.AccessionNumber));
    }

    [Theory]
    [InlineData(OrderState.None)]
    [InlineData(OrderState.Held)]
    [InlineData(OrderState.InProgress)]
    [InlineData(OrderState.Completed)]
    [InlineData(OrderState.Discontinued)]
    [InlineData(OrderState.Cancelled)]
    public void Only_scheduled_orders_are_listed_by_default(OrderState state)
    {
        Assert.Empty(WorklistProjection.ItemsFor(OrderFixtures.InState(state), TestSites.MainHosp));
    }

    [Theory]
    [InlineData(OrderState.InProgress, "STARTED")]
    [InlineData(OrderState.Held, "SCHEDULED")]
    [InlineData(OrderState.Completed, "COMPLETED")]
    [InlineData(OrderState.Discontinued, "DISCONTINUED")]
    [InlineData(OrderState.Cancelled, "CANCELED")]
    public void A_site_that_lists_more_states_shows_their_SPS_status(OrderState state, string spsStatus)
    {
        var site = TestSites.MainHosp with { WorklistStates = [OrderState.Scheduled, state] };
        var item = Assert.Single(WorklistProjection.ItemsFor(OrderFixtures.InState(state), site));

        Assert.Equal(spsStatus, item.SpsStatus);
        Assert.Equal(state, item.OrderState);
    }

    [Fact]
    public void A_step_without_its_own_modality_takes_the_order_s()
    {
        var details = OrderFixtures.Details();
        details = details with { ScheduledSteps = [details.ScheduledSteps[0] with { Modality = "" }] };

        Assert.Equal("CT", Assert.Single(WorklistProjection.ItemsFor(OrderFixtures.InState(OrderState.Scheduled, details), TestSites.MainHosp)).Modality);
    }

    [Fact]
    public void Projecting_the_same_order_twice_gives_equal_items()
    {
        var a = WorklistProjection.ItemsFor(OrderFixtures.InState(OrderState.Scheduled), TestSites.MainHosp);
        var b = WorklistProjection.ItemsFor(OrderFixtures.InState(OrderState.Scheduled), TestSites.MainHosp);

        Assert.Equal(a, b);
        Assert.Equal(a[0].GetHashCode(), b[0].GetHashCode());
    }
}
