using ActorBroker.Domain.Orders;
using ActorBroker.Hl7;

namespace ActorBroker.Domain.Tests.Orders;

/// <summary>
/// Every (state, command) pair of the order lifecycle, against a table written out here
/// independently of the decider. A new state or command kind without a row fails
/// <see cref="The_table_covers_every_state_and_command"/>.
/// </summary>
public sealed class OrderDeciderTransitionTableTests
{
    public enum Cmd
    {
        NewSame,        // NW with the content the order already has
        NewDifferent,   // NW, same placer order, other content (a later time)
        Change,         // XO with other content
        ChangeSame,     // XO with the same content
        Cancel,
        Discontinue,
        Hold,
        Release,
        StatusScheduled,
        StatusInProgress,
        StatusCompleted,
        StatusResultsAvailable,
    }

    // Expected outcome: an event type name and the state after it, "dup", or an HL7 error code.
    private static readonly Dictionary<(OrderState, Cmd), string> Expected = Build();

    public static TheoryData<OrderState, Cmd> AllPairs()
    {
        var data = new TheoryData<OrderState, Cmd>();
        foreach (var state in Enum.GetValues<OrderState>())
        {
            foreach (var cmd in Enum.GetValues<Cmd>())
            {
                data.Add(state, cmd);
            }
        }

        return data;
    }

    [Fact]
    public void The_table_covers_every_state_and_command()
    {
        Assert.Equal(Enum.GetValues<OrderState>().Length * Enum.GetValues<Cmd>().Length, Expected.Count);
        Assert.Equal(7, Enum.GetValues<OrderState>().Length);
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void Decides_as_the_table_says(OrderState state, Cmd cmd)
    {
        var snapshot = OrderFixtures.InState(state);
        Assert.Equal(state, snapshot.State);
        var command = Make(cmd, "MSG-T1");

        var decision = OrderDecider.Decide(snapshot, command);
        var expected = Expected[(state, cmd)];

        switch (expected)
        {
            case "dup":
                var dup = Assert.IsType<OrderDecision.Duplicate>(decision);
                Assert.False(string.IsNullOrWhiteSpace(dup.Reason));
                break;
            case "204" or "205" or "206":
                var rejected = Assert.IsType<OrderDecision.Rejected>(decision).Rejection;
                Assert.Equal((Hl7ErrorCode)int.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), rejected.Code);
                Assert.Contains(OrderFixtures.Key.Accession, rejected.Reason, StringComparison.Ordinal);
                var expectedField = expected == "206" ? 1 : 2;
                Assert.Equal(new Hl7Location("ORC", 1, expectedField), rejected.Location);
                if (expected == "206")
                {
                    // The reason names the state the order is in, so the exception list is readable.
                    Assert.Contains(Describe(state), rejected.Reason, StringComparison.Ordinal);
                }

                break;
            default:
                var parts = expected.Split("->");
                var accepted = Assert.IsType<OrderDecision.Accepted>(decision);
                var e = Assert.Single(accepted.Events);
                Assert.Equal(parts[0], e.GetType().Name);
                Assert.Equal(command.Key, e.Key);
                Assert.Equal(command.Message, e.Message);
                var after = OrderDecider.Apply(snapshot, e);
                Assert.Equal(Enum.Parse<OrderState>(parts[1]), after.State);
                Assert.Equal(snapshot.Version + 1, after.Version);
                Assert.True(after.HasProcessed(command.Message));
                // Applying the accepted event makes the same message a duplicate.
                Assert.IsType<OrderDecision.Duplicate>(OrderDecider.Decide(after, command));
                break;
        }
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void A_message_already_applied_is_a_duplicate_in_every_state(OrderState state, Cmd cmd)
    {
        var snapshot = OrderFixtures.InState(state);
        var resent = Make(cmd, "SETUP-1"); // the id of the message that placed the fixture order
        var decision = OrderDecider.Decide(snapshot, resent);
        if (state == OrderState.None)
        {
            Assert.IsNotType<OrderDecision.Duplicate>(decision);
        }
        else
        {
            Assert.IsType<OrderDecision.Duplicate>(decision);
        }
    }

    private static IOrderCommand Make(Cmd cmd, string controlId)
    {
        var key = OrderFixtures.Key;
        var m = TestSites.Message(controlId);
        return cmd switch
        {
            Cmd.NewSame => new PlaceOrder(key, m, OrderFixtures.Details()),
            Cmd.NewDifferent => new PlaceOrder(key, m, OrderFixtures.Details(time: "103000")),
            Cmd.Change => new ChangeOrder(key, m, OrderFixtures.Details(time: "103000")),
            Cmd.ChangeSame => new ChangeOrder(key, m, OrderFixtures.Details()),
            Cmd.Cancel => new CancelOrder(key, m, "CA"),
            Cmd.Discontinue => new DiscontinueOrder(key, m, "CA"),
            Cmd.Hold => new HoldOrder(key, m),
            Cmd.Release => new ReleaseOrder(key, m),
            Cmd.StatusScheduled => new ChangeOrderStatus(key, m, "SC"),
            Cmd.StatusInProgress => new ChangeOrderStatus(key, m, "IP"),
            Cmd.StatusCompleted => new ChangeOrderStatus(key, m, "CM"),
            Cmd.StatusResultsAvailable => new ChangeOrderStatus(key, m, "A"),
            _ => throw new ArgumentOutOfRangeException(nameof(cmd)),
        };
    }

    private static string Describe(OrderState state) => state switch
    {
        OrderState.InProgress => "in progress",
        OrderState.Held => "on hold",
        _ => state.ToString().ToLowerInvariant(),
    };

    private static Dictionary<(OrderState, Cmd), string> Build()
    {
        // Columns in Cmd order: NewSame, NewDifferent, Change, ChangeSame, Cancel, Discontinue,
        // Hold, Release, StatusScheduled, StatusInProgress, StatusCompleted, StatusResultsAvailable.
        var rows = new Dictionary<OrderState, string[]>
        {
            [OrderState.None] =
            [
                "OrderPlaced->Scheduled", "OrderPlaced->Scheduled", "204", "204", "204", "204",
                "204", "204", "204", "204", "204", "204",
            ],
            [OrderState.Scheduled] =
            [
                "dup", "OrderChanged->Scheduled", "OrderChanged->Scheduled", "dup", "OrderCancelled->Cancelled", "OrderDiscontinued->Discontinued",
                "OrderHeld->Held", "dup", "dup", "OrderStatusChanged->InProgress", "OrderStatusChanged->Completed", "OrderStatusChanged->Completed",
            ],
            [OrderState.Held] =
            [
                "dup", "OrderChanged->Held", "OrderChanged->Held", "dup", "OrderCancelled->Cancelled", "OrderDiscontinued->Discontinued",
                "dup", "OrderReleased->Scheduled", "206", "206", "206", "206",
            ],
            [OrderState.InProgress] =
            [
                "dup", "205", "206", "206", "206", "OrderDiscontinued->Discontinued",
                "206", "206", "206", "dup", "OrderStatusChanged->Completed", "OrderStatusChanged->Completed",
            ],
            [OrderState.Completed] =
            [
                "dup", "205", "206", "206", "206", "206",
                "206", "206", "206", "dup", "dup", "dup",
            ],
            [OrderState.Discontinued] =
            [
                "dup", "205", "206", "206", "206", "dup",
                "206", "206", "206", "206", "206", "206",
            ],
            [OrderState.Cancelled] =
            [
                "dup", "205", "206", "206", "dup", "206",
                "206", "206", "206", "206", "206", "206",
            ],
        };

        var table = new Dictionary<(OrderState, Cmd), string>();
        foreach (var (state, row) in rows)
        {
            var cmds = Enum.GetValues<Cmd>();
            Assert.Equal(cmds.Length, row.Length);
            for (var i = 0; i < cmds.Length; i++)
            {
                table[(state, cmds[i])] = row[i];
            }
        }

        return table;
    }
}
