using System.Globalization;
using ActorBroker.Domain.Outbound;
using ActorBroker.Hl7;

namespace ActorBroker.Domain.Tests.Outbound;

/// <summary>
/// Random interleavings of everything a destination and a network can do, against a simulated
/// receiver that records what it accepted. After every step: at most one message per order in
/// flight, never more than the window; what the receiver accepted of an order is, repeats aside,
/// that order's messages in enqueue order; a message the queue counts as delivered was accepted.
/// At the end, with the faults stopped and parked messages retried, everything is delivered.
/// </summary>
public sealed class OutboxQueuePropertyTests
{
    private const int Window = 4;

    public static TheoryData<int> Seeds()
    {
        var data = new TheoryData<int>();
        for (var seed = 1; seed <= 60; seed++)
        {
            data.Add(seed);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Random_interleavings_keep_per_order_order_and_lose_nothing(int seed)
    {
        var random = new Random(seed);
        var policy = OutboxPolicy.Default with
        {
            MaxAttempts = random.Next(0, 4), // 0 = forever
            BaseDelay = TimeSpan.FromSeconds(1),
            MaxDelay = TimeSpan.FromSeconds(20),
            AckTimeout = TimeSpan.FromSeconds(10),
            AePolicy = random.Next(2) == 0 ? OutboxErrorAction.Park : OutboxErrorAction.Retry,
            ArPolicy = random.Next(2) == 0 ? OutboxErrorAction.Park : OutboxErrorAction.Retry,
            ConnectionLossIsFailure = random.Next(2) == 0,
        };
        var sim = new Simulation(new OutboxQueue(policy, random.NextDouble), random);

        var sawParked = false;
        for (var step = 0; step < 600; step++)
        {
            sim.Step(faults: true);
            sim.CheckInvariants();
            sawParked |= sim.Queue.Metrics(sim.Now).Parked > 0;
        }

        // The run exercised what it claims to: resends, re-ACKs and (when the policy can park) parking.
        var faulted = sim.Queue.Metrics(sim.Now);
        // (With MaxAttempts 1 every failure parks; only a lost connection, when it is no failure, resends.)
        Assert.True(faulted.TotalRetries > 0 || policy is { MaxAttempts: 1, ConnectionLossIsFailure: true }, $"no retries with {policy}");
        Assert.True(faulted.IgnoredAcks > 0, "no ignored ACKs");
        Assert.True(sawParked || (policy is { MaxAttempts: 0, AePolicy: OutboxErrorAction.Retry, ArPolicy: OutboxErrorAction.Retry }), "nothing parked");

        for (var step = 0; step < 5000 && sim.Queue.Depth > 0; step++)
        {
            sim.Step(faults: false);
            sim.CheckInvariants();
        }

        Assert.Equal(0, sim.Queue.Depth);
        foreach (var (order, expected) in sim.Enqueued)
        {
            Assert.Equal(expected, Collapse(sim.Accepted.GetValueOrDefault(order, [])));
        }

        Assert.Equal(sim.Enqueued.Values.Sum(v => v.Count), sim.Queue.Metrics(sim.Now).Delivered);
    }

    private static List<string> Collapse(List<string> accepted)
    {
        var result = new List<string>();
        foreach (var id in accepted)
        {
            if (result.Count == 0 || result[^1] != id)
            {
                result.Add(id);
            }
        }

        return result;
    }

    private sealed class Simulation(OutboxQueue queue, Random random)
    {
        private readonly List<(string ControlId, AckCode Code)> _onTheWire = [];
        private readonly List<(string ControlId, AckCode Code)> _sentAcks = [];
        private readonly HashSet<string> _acceptedIds = [];
        private int _next;

        public OutboxQueue Queue { get; } = queue;

        public DateTimeOffset Now { get; private set; } = new(2026, 11, 28, 0, 0, 0, TimeSpan.Zero);

        public Dictionary<string, List<string>> Enqueued { get; } = [];

        public Dictionary<string, List<string>> Accepted { get; } = [];

        public void Step(bool faults)
        {
            switch (random.Next(faults ? 10 : 5))
            {
                case 0 when faults:
                    Enqueue();
                    break;
                case 0:
                case 1:
                    Dispatch(faults);
                    break;
                case 2:
                case 3:
                    DeliverAck();
                    break;
                case 4:
                    Now = Now.AddSeconds(random.Next(1, 15));
                    Queue.OnTimeout(Now);
                    if (!faults)
                    {
                        foreach (var parked in Queue.Entries.Where(e => e.State == OutboxEntryState.Parked).ToList())
                        {
                            Queue.Retry(parked.Id, Now);
                        }
                    }

                    break;
                case 5:
                case 6:
                    Enqueue();
                    break;
                case 7:
                    // A re-ACK: node-hl7-server repeats an earlier reply verbatim.
                    if (_sentAcks.Count > 0)
                    {
                        var (controlId, code) = _sentAcks[random.Next(_sentAcks.Count)];
                        Ack(controlId, code);
                    }

                    break;
                case 8:
                    _onTheWire.Clear(); // replies in transit die with the connection
                    Queue.OnConnectionLost(Now, "peer reset");
                    break;
                default:
                    var parkedEntries = Queue.Entries.Where(e => e.State == OutboxEntryState.Parked).ToList();
                    if (parkedEntries.Count > 0)
                    {
                        Queue.Retry(parkedEntries[random.Next(parkedEntries.Count)].Id, Now);
                    }

                    break;
            }
        }

        public void CheckInvariants()
        {
            var entries = Queue.Entries.ToList();
            var inFlight = entries.Where(e => e.State == OutboxEntryState.InFlight).ToList();
            Assert.True(inFlight.Count <= Window, $"{inFlight.Count} in flight");
            Assert.All(inFlight.GroupBy(e => e.OrderKey), g => Assert.Single(g));
            Assert.All(inFlight, e => Assert.Equal(Queue.EntriesOf(e.OrderKey)[0].Id, e.Id)); // only heads travel

            foreach (var (order, accepted) in Accepted)
            {
                var collapsed = Collapse(accepted);
                Assert.Equal(Enqueued[order].Take(collapsed.Count), collapsed);
            }

            // Whatever the queue no longer holds was accepted (no discards in this model).
            var held = entries.Select(e => e.Id).ToHashSet();
            foreach (var id in Enqueued.Values.SelectMany(v => v).Where(id => !held.Contains(id)))
            {
                Assert.Contains(id, _acceptedIds);
            }

            var metrics = Queue.Metrics(Now);
            Assert.Equal(entries.Count, metrics.Depth);
            Assert.Equal(metrics.Depth, metrics.Pending + metrics.InFlight + metrics.Parked);
        }

        private void Enqueue()
        {
            var order = "O" + random.Next(8).ToString(CultureInfo.InvariantCulture);
            var id = "M" + (++_next).ToString(CultureInfo.InvariantCulture);
            if (Queue.Enqueue(new OutboxEntry(id, order, "C" + id, [], Now)))
            {
                (Enqueued.TryGetValue(order, out var list) ? list : Enqueued[order] = []).Add(id);
            }

            Assert.False(Queue.Enqueue(new OutboxEntry(id, order, "C" + id, [], Now))); // a replayed enqueue
        }

        private void Dispatch(bool faults)
        {
            foreach (var entry in Queue.TakeDispatchable(Now, Window))
            {
                var roll = faults ? random.Next(100) : 0;
                if (roll < 5 && faults)
                {
                    continue; // lost on the way: the receiver never sees it
                }

                var code = roll switch
                {
                    < 70 => AckCode.AA,
                    < 78 => AckCode.AE,
                    < 86 => AckCode.AR,
                    < 90 => AckCode.CA,
                    _ => (AckCode?)null, // the receiver processes it but the reply is lost
                };
                var accepts = code is AckCode.AA or AckCode.CA or null;
                if (accepts)
                {
                    (Accepted.TryGetValue(entry.OrderKey, out var list) ? list : Accepted[entry.OrderKey] = []).Add(entry.Id);
                    _acceptedIds.Add(entry.Id);
                }

                if (code is { } c)
                {
                    _onTheWire.Add((entry.MessageControlId, c));
                }
            }
        }

        private void DeliverAck()
        {
            if (_onTheWire.Count == 0)
            {
                return;
            }

            var i = random.Next(_onTheWire.Count); // any order: ACKs are matched by MSA-2
            var (controlId, code) = _onTheWire[i];
            _onTheWire.RemoveAt(i);
            _sentAcks.Add((controlId, code));
            Ack(controlId, code);
        }

        private void Ack(string controlId, AckCode code)
        {
            var result = Queue.OnAck(controlId, code, code.ToString(), Now);
            if (result.Outcome == OutboxAckOutcome.Delivered)
            {
                Assert.Contains(result.Entry!.Id, _acceptedIds);
            }
        }
    }
}
