using ActorBroker.Domain.Mapping;
using ActorBroker.Domain.Orders;
using ActorBroker.Domain.Worklist;

namespace ActorBroker.Domain.Tests.Mapping;

/// <summary>
/// The samples in the order the README sends them, through mapper, decider, Apply and the
/// worklist projection: what the actors do, minus the actors.
/// </summary>
public sealed class SampleFlowTests
{
    private readonly Dictionary<OrderKey, OrderSnapshot> _orders = [];

    [Fact]
    public void The_sample_sequence_ends_with_the_expected_worklist()
    {
        Assert.All(Send("orm-o01-new-ct.hl7"), d => Assert.IsType<OrderDecision.Accepted>(d));
        Assert.All(Send("orm-o01-new-mr-latin1.hl7"), d => Assert.IsType<OrderDecision.Accepted>(d));

        var ct = Assert.Single(Worklist("MAINHOSP"), i => i.AccessionNumber == "ACC20001");
        Assert.Equal(("20261128", "093000", "-0600", "CT01"), (ct.SpsStartDate, ct.SpsStartTime, ct.TimezoneOffsetFromUtc, ct.ScheduledStationAeTitle));
        var mr = Assert.Single(Worklist("MAINHOSP"), i => i.AccessionNumber == "ACC20002");
        Assert.Equal(("MÜLLER^JOÃO", "STAT", "140000", "MR01"), (mr.PatientName, mr.RequestedProcedurePriority, mr.SpsStartTime, mr.ScheduledStationAeTitle));

        Assert.All(Send("orm-o01-change-time.hl7"), d => Assert.IsType<OrderDecision.Accepted>(d));
        ct = Assert.Single(Worklist("MAINHOSP"), i => i.AccessionNumber == "ACC20001");
        Assert.Equal("103000", ct.SpsStartTime);
        // The XO had no PV1-19: the change replaces the details as the EHR now sends them.
        Assert.Equal("", ct.AdmissionId);

        Assert.All(Send("orm-o01-cancel.hl7"), d => Assert.IsType<OrderDecision.Accepted>(d));
        Assert.Equal(OrderState.Cancelled, _orders[new OrderKey("MAINHOSP", "ACC20002")].State);
        Assert.Equal(["ACC20001"], Worklist("MAINHOSP").Select(i => i.AccessionNumber));

        Assert.All(Send("omi-o23-two-steps.hl7"), d => Assert.IsType<OrderDecision.Accepted>(d));
        var north = Worklist("NORTHCLINIC");
        Assert.Equal(["SPS30001A", "SPS30001B"], north.Select(i => i.SpsId));
        Assert.All(north, i => Assert.Equal(("ØSTERGÅRD^LÆRKE", "NCUS02", "110000", "+0100"), (i.PatientName, i.ScheduledStationAeTitle, i.SpsStartTime, i.TimezoneOffsetFromUtc)));

        // The failing samples change nothing.
        Assert.False(Hl7OrderMapper.Map(Samples.Load("bad-truncated.hl7"), TestSites.Directory, TestSites.ReceivedAt).IsSuccess);
        Assert.False(Hl7OrderMapper.Map(Samples.Load("bad-unknown-order-control.hl7"), TestSites.Directory, TestSites.ReceivedAt).IsSuccess);
        Assert.Equal(3, _orders.Count);
    }

    [Fact]
    public void A_resent_message_is_a_duplicate_even_after_later_changes()
    {
        Send("orm-o01-new-ct.hl7");
        Send("orm-o01-change-time.hl7");

        // The NW resent (its ACK was lost) must not put the order back to 09:30.
        var decision = Assert.Single(Send("orm-o01-new-ct.hl7"));
        Assert.IsType<OrderDecision.Duplicate>(decision);
        Assert.Equal("103000", Assert.Single(Worklist("MAINHOSP")).SpsStartTime);
        Assert.Equal(2, _orders[new OrderKey("MAINHOSP", "ACC20001")].Version);
    }

    [Fact]
    public void A_cancel_for_an_order_never_placed_is_204()
    {
        var decision = Assert.Single(Send("orm-o01-cancel.hl7"));

        var rejection = Assert.IsType<OrderDecision.Rejected>(decision).Rejection;
        Assert.Equal(Hl7.Hl7ErrorCode.UnknownKeyIdentifier, rejection.Code);
        Assert.Equal("ORC-2", rejection.Location.ToString());
    }

    private List<OrderDecision> Send(string file)
    {
        var mapped = Hl7OrderMapper.Map(Samples.Load(file), TestSites.Directory, TestSites.ReceivedAt);
        Assert.True(mapped.IsSuccess, $"{file}: {mapped.Error}");
        var decisions = new List<OrderDecision>();
        foreach (var command in mapped.Commands)
        {
            var state = _orders.TryGetValue(command.Key, out var s) ? s : OrderSnapshot.Empty(command.Key);
            var decision = OrderDecider.Decide(state, command);
            if (decision is OrderDecision.Accepted accepted)
            {
                foreach (var e in accepted.Events)
                {
                    state = OrderDecider.Apply(state, e);
                }

                _orders[command.Key] = state;
            }

            decisions.Add(decision);
        }

        return decisions;
    }

    private List<WorklistItem> Worklist(string site) =>
        _orders.Values
            .Where(o => o.Key.Site == site)
            .SelectMany(o => WorklistProjection.ItemsFor(o, TestSites.Directory.Get(site)!))
            .OrderBy(i => i.AccessionNumber, StringComparer.Ordinal)
            .ThenBy(i => i.SpsId, StringComparer.Ordinal)
            .ToList();
}
