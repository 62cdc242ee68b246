using ActorBroker.Domain.Mapping;
using ActorBroker.Domain.Orders;
using ActorBroker.Domain.Tests.Mapping;

namespace ActorBroker.Domain.Tests.Orders;

/// <summary>MSH-18 travels with the order (for the answers to the EHR) without making a resend a change.</summary>
public sealed class OrderCharacterSetTests
{
    private static OrderDetails Mapped(string msh18)
    {
        var msh = Er7.MshOrm.Replace("||UNICODE UTF-8", "||" + msh18, StringComparison.Ordinal);
        var result = Hl7OrderMapper.Map(Er7.Message(msh, Er7.PidLine, Er7.Pv1Line, Er7.Orc(), Er7.Obr(), Er7.Zds()), TestSites.Directory, TestSites.ReceivedAt);
        Assert.True(result.IsSuccess, result.Error?.ToString());
        return Assert.IsType<PlaceOrder>(Assert.Single(result.Commands)).Details;
    }

    [Theory]
    [InlineData("UNICODE UTF-8", "UNICODE UTF-8")]
    [InlineData("8859/1", "8859/1")]
    [InlineData("8859/1~UNICODE UTF-8", "8859/1")]
    [InlineData("", "")]
    public void The_mapper_keeps_the_first_MSH_18_repetition(string msh18, string expected)
    {
        Assert.Equal(expected, Mapped(msh18).Hl7CharacterSet);
    }

    [Fact]
    public void Every_order_of_a_message_gets_its_MSH_18()
    {
        var message = Er7.Message(Er7.MshOrm, Er7.PidLine, Er7.Pv1Line, Er7.Orc(group: 1), Er7.Obr("ACC1"), Er7.Orc(group: 2), Er7.Obr("ACC2"));
        var result = Hl7OrderMapper.Map(message, TestSites.Directory, TestSites.ReceivedAt);

        Assert.True(result.IsSuccess, result.Error?.ToString());
        Assert.All(result.Commands, c => Assert.Equal("UNICODE UTF-8", Assert.IsType<PlaceOrder>(c).Details.Hl7CharacterSet));
    }

    [Fact]
    public void A_resend_with_another_MSH_18_spelling_is_still_a_duplicate()
    {
        var original = OrderFixtures.Details() with { Hl7CharacterSet = "UNICODE UTF-8" };
        var state = OrderFixtures.InState(OrderState.Scheduled, original);

        var resend = new PlaceOrder(OrderFixtures.Key, TestSites.Message("M2"), original with { Hl7CharacterSet = "UTF-8" });
        Assert.IsType<OrderDecision.Duplicate>(OrderDecider.Decide(state, resend));
        Assert.IsType<OrderDecision.Duplicate>(OrderDecider.Decide(state, new ChangeOrder(OrderFixtures.Key, TestSites.Message("M3"), original with { Hl7CharacterSet = "" })));
    }

    [Fact]
    public void A_real_change_brings_its_message_s_MSH_18()
    {
        var state = OrderFixtures.InState(OrderState.Scheduled, OrderFixtures.Details() with { Hl7CharacterSet = "UNICODE UTF-8" });
        var change = new ChangeOrder(OrderFixtures.Key, TestSites.Message("M2"), OrderFixtures.Details(time: "103000") with { Hl7CharacterSet = "8859/1" });

        var after = LifecycleFixtures.Run(state, change);

        Assert.Equal("8859/1", after.Details!.Hl7CharacterSet);
        Assert.Equal("103000", after.Details.ScheduledSteps[0].Start.Time);
    }

    [Fact]
    public void The_character_set_takes_part_in_equality()
    {
        var a = OrderFixtures.Details();
        Assert.NotEqual(a, a with { Hl7CharacterSet = "8859/1" });
        Assert.Equal("", a.Hl7CharacterSet);
    }
}
