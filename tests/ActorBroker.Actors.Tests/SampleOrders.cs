using ActorBroker.Actors.Settings;
using ActorBroker.Domain.Mapping;
using ActorBroker.Domain.Orders;
using ActorBroker.Domain.Sites;
using ActorBroker.Hl7;
using Akka.Configuration;

namespace ActorBroker.Actors.Tests;

/// <summary>Order commands made the way production makes them: the sample HL7 files through the mapper.</summary>
internal static class SampleOrders
{
    private static readonly Lazy<SiteDirectory> DefaultSites = new(() =>
        BrokerSettings.FromConfig(ConfigurationFactory.ParseString(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "hocon", "actor-broker.conf")))).Sites);

    public static SiteDirectory Sites => DefaultSites.Value;

    public static IOrderCommand Command(string sample, DateTimeOffset? receivedAt = null)
    {
        var bytes = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Samples", sample));
        var result = Hl7OrderMapper.Map(Hl7Message.Parse(bytes), Sites, receivedAt ?? new DateTimeOffset(2026, 11, 28, 14, 30, 0, TimeSpan.Zero));
        Assert.True(result.IsSuccess, result.ToString());
        return Assert.Single(result.Commands);
    }
}
