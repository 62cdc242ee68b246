using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using ActorBroker.Domain.Outbound;
using ActorBroker.Hl7;

namespace ActorBroker.Domain.Tests.Outbound;

/// <summary>The outbox actor journals entries and snapshots them as JSON (System.Text.Json, string enums): they must round-trip.</summary>
public sealed class OutboxSerializationTests
{
    private static readonly JsonSerializerOptions BrokerLike = new() { Converters = { new JsonStringEnumConverter() } };

    [Fact]
    public void A_snapshot_round_trips_to_an_equal_queue()
    {
        var t0 = new DateTimeOffset(2026, 11, 28, 15, 0, 0, TimeSpan.FromHours(1));
        var queue = new OutboxQueue(OutboxPolicy.Default, () => 0.3);
        queue.Enqueue(new OutboxEntry("e1", "MAINHOSP|ACC1", "C1", Encoding.Latin1.GetBytes("MSH|^~\\&|MÜLLER"), t0));
        queue.Enqueue(new OutboxEntry("e2", "MAINHOSP|ACC1", "C2", [0x0B, 0x1C, 0xFF], t0.AddSeconds(1)));
        queue.Enqueue(new OutboxEntry("e3", "MAINHOSP|ACC2", "C3", [], t0.AddSeconds(2)));
        queue.Enqueue(new OutboxEntry("e4", "MAINHOSP|ACC3", "C4", [], t0.AddSeconds(3)));
        queue.TakeDispatchable(t0, 8);
        queue.OnAck("C3", AckCode.AR, "busy", t0.AddSeconds(5));
        queue.OnAck("C4", AckCode.AA, "", t0.AddSeconds(5));
        var snapshot = queue.ToSnapshot();

        foreach (var options in new[] { BrokerLike, JsonSerializerOptions.Default })
        {
            var back = JsonSerializer.Deserialize<OutboxSnapshot>(JsonSerializer.Serialize(snapshot, options), options)!;

            Assert.Equal(snapshot.Entries, back.Entries);
            Assert.Equal(snapshot.Counters, back.Counters);
            Assert.Equal(snapshot.CompletedIds, back.CompletedIds);
        }

        Assert.Contains("\"State\":\"InFlight\"", JsonSerializer.Serialize(snapshot, BrokerLike), StringComparison.Ordinal);
    }
}
