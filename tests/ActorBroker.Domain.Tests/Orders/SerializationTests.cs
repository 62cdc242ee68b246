using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using ActorBroker.Domain.Orders;
using ActorBroker.Domain.Outbound;

namespace ActorBroker.Domain.Tests.Orders;

/// <summary>
/// Events and snapshots are journaled as JSON (the actors' BrokerJsonSerializer: System.Text.Json
/// with string enums). They must round-trip to equal values and stay flat.
/// </summary>
public sealed class SerializationTests
{
    private static readonly JsonSerializerOptions BrokerLike = CreateBrokerLike();

    public static TheoryData<string> Options() => ["broker", "default"];

    public static IEnumerable<object[]> Events()
    {
        var key = OrderFixtures.Key;
        var m = TestSites.Message("MSG000001");
        yield return [new OrderPlaced(key, m, OrderFixtures.Details(steps: 2))];
        yield return [new OrderChanged(key, m, OrderFixtures.Details() with { StudyInstanceUidOrigin = StudyUidOrigin.Derived, RequestedProcedure = new RequestedProcedure("RP", "", null) })];
        yield return [new OrderCancelled(key, m, "CA")];
        yield return [new OrderDiscontinued(key, m, "DC")];
        yield return [new OrderHeld(key, m)];
        yield return [new OrderReleased(key, m)];
        yield return [new OrderStatusChanged(key, m, OrderState.Completed, "CM")];
        var details = OrderFixtures.Details() with { Hl7CharacterSet = "8859/1" };
        yield return [new ProcedureStepRecorded(key, m, LifecycleFixtures.Step("1.2.3", MppsStatus.Discontinued), OrderState.Discontinued, OutboundNotices.ForStatus(key, details, "DC", "1.2.3.4", m.ReceivedAt))];
        yield return [new ProcedureStepRecorded(key, m, LifecycleFixtures.Step("1.2.3", MppsStatus.InProgress), OrderState.Cancelled, null)];
        yield return [new ProcedureStepAwaitingOrder(key, m, LifecycleFixtures.Step("1.2.3", MppsStatus.Completed, 12))];
        yield return [new ReportRecorded(key, m, LifecycleFixtures.Report("F"), OrderState.ReportedFinal, OutboundNotices.ForResult(key, details, LifecycleFixtures.Report("F"), m.ReceivedAt), NoProcedureStepYet: true)];
        yield return [new ReportAwaitingOrder(key, m, LifecycleFixtures.Report("P") with { ObservedAt = null })];
    }

    [Theory]
    [MemberData(nameof(Events))]
    public void Events_round_trip_to_equal_values(IOrderEvent e)
    {
        foreach (var options in new[] { BrokerLike, JsonSerializerOptions.Default })
        {
            var json = JsonSerializer.Serialize(e, e.GetType(), options);
            var back = JsonSerializer.Deserialize(json, e.GetType(), options);
            Assert.Equal(e, back);
        }
    }

    [Fact]
    public void Snapshots_round_trip_to_equal_values()
    {
        var snapshot = OrderFixtures.InState(OrderState.InProgress);
        foreach (var options in new[] { BrokerLike, JsonSerializerOptions.Default })
        {
            var json = JsonSerializer.Serialize(snapshot, options);
            Assert.Equal(snapshot, JsonSerializer.Deserialize<OrderSnapshot>(json, options));
        }

        var empty = OrderSnapshot.Empty(OrderFixtures.Key);
        Assert.Equal(empty, JsonSerializer.Deserialize<OrderSnapshot>(JsonSerializer.Serialize(empty, BrokerLike), BrokerLike));
    }

    [Fact]
    public void Snapshots_with_steps_reports_and_kept_items_round_trip()
    {
        var key = OrderFixtures.Key;
        var kept = OrderDecider.Apply(OrderSnapshot.Empty(key), new ProcedureStepAwaitingOrder(key, TestSites.Message("K1"), LifecycleFixtures.Step("9.9", MppsStatus.InProgress)));
        kept = OrderDecider.Apply(kept, new ReportAwaitingOrder(key, TestSites.Message("K2"), LifecycleFixtures.Report("P")));
        var reported = LifecycleFixtures.In(Fixture.ReportedCorrected) with { PerformedSteps = [LifecycleFixtures.Step("1.2", MppsStatus.Completed, 3)], PerformedBeforeOrder = true };
        var reopened = LifecycleFixtures.In(Fixture.DiscontinuedByMpps);
        foreach (var snapshot in new[] { kept, reported, reopened })
        {
            foreach (var options in new[] { BrokerLike, JsonSerializerOptions.Default })
            {
                Assert.Equal(snapshot, JsonSerializer.Deserialize<OrderSnapshot>(JsonSerializer.Serialize(snapshot, options), options));
            }
        }

        Assert.Contains("\"State\":\"ReportedCorrected\"", JsonSerializer.Serialize(reported, BrokerLike), StringComparison.Ordinal);
        Assert.True(reopened.DiscontinuedByModality);
    }

    [Fact]
    public void Snapshots_and_details_journaled_before_MPPS_and_reports_still_read()
    {
        // The shape of a snapshot before PerformedSteps, Reports, the kept lists, the flags and
        // OrderDetails.Hl7CharacterSet existed.
        var old = OrderFixtures.InState(OrderState.InProgress);
        var node = System.Text.Json.Nodes.JsonNode.Parse(JsonSerializer.Serialize(old, BrokerLike))!.AsObject();
        foreach (var name in new[] { "PerformedSteps", "Reports", "AwaitingSteps", "AwaitingReports", "PerformedBeforeOrder", "DiscontinuedByModality" })
        {
            Assert.True(node.Remove(name), name);
        }

        Assert.True(node["Details"]!.AsObject().Remove("Hl7CharacterSet"));
        var back = JsonSerializer.Deserialize<OrderSnapshot>(node.ToJsonString(), BrokerLike)!;

        Assert.Equal(old, back);
        Assert.Empty(back.PerformedSteps);
        Assert.Empty(back.Reports);
        Assert.Empty(back.AwaitingSteps);
        Assert.Empty(back.AwaitingReports);
        Assert.Equal("", back.Details!.Hl7CharacterSet);
        // Positional construction as before still compiles and yields empty history.
        var positional = new OrderSnapshot(old.Key, old.State, old.Details, old.Version, old.ProcessedMessageIds, old.LastMessage, old.PlacedAt);
        Assert.Equal(old, positional);
    }

    [Fact]
    public void The_journal_JSON_is_readable_and_has_no_computed_ids()
    {
        var json = JsonSerializer.Serialize(new OrderPlaced(OrderFixtures.Key, TestSites.Message("MSG000001"), OrderFixtures.Details()), BrokerLike);

        Assert.Contains("\"PatientName\":\"NÚÑEZ^JOSÉ^ANTONIO\"", json, StringComparison.Ordinal);
        Assert.Contains("\"StudyInstanceUidOrigin\":\"Message\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("EntityId", json, StringComparison.Ordinal);
        Assert.DoesNotContain("IdempotencyKey", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Journaled_types_have_no_polymorphic_or_zone_properties()
    {
        var allowedGenericInterfaces = new[] { typeof(IReadOnlyList<>), typeof(IReadOnlyCollection<>) };
        var seen = new HashSet<Type>();
        var roots = typeof(IOrderEvent).Assembly.GetTypes().Where(t => typeof(IOrderEvent).IsAssignableFrom(t) && !t.IsInterface).Append(typeof(OrderSnapshot)).ToList();
        Assert.Equal(12, roots.Count);
        foreach (var root in roots)
        {
            Walk(root);
        }

        void Walk(Type type)
        {
            if (!seen.Add(type) || type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(DateTimeOffset) || type == typeof(decimal))
            {
                return;
            }

            if (Nullable.GetUnderlyingType(type) is { } inner)
            {
                Walk(inner);
                return;
            }

            if (type.IsGenericType && allowedGenericInterfaces.Contains(type.GetGenericTypeDefinition()))
            {
                Walk(type.GetGenericArguments()[0]);
                return;
            }

            Assert.False(type.IsInterface || type.IsAbstract, $"{type} is an interface or abstract: the journal could not rebuild it");
            Assert.NotEqual(typeof(TimeZoneInfo), type);
            foreach (var p in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetCustomAttribute<JsonIgnoreAttribute>() is null && p.Name != "EqualityContract"))
            {
                Walk(p.PropertyType);
            }
        }
    }

    private static JsonSerializerOptions CreateBrokerLike()
    {
        var options = new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        options.Converters.Add(new JsonStringEnumConverter());
        return options;
    }
}
