using System.Text;
using ActorBroker.Domain.Outbound;
using ActorBroker.Hl7;

namespace ActorBroker.Domain.Tests.Outbound;

public sealed class OutboxQueueTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 28, 15, 0, 0, TimeSpan.Zero);

    // Jitter 0.5 is the middle of [0, 1): no jitter at all, so delays are exact.
    private static OutboxQueue Queue(OutboxPolicy? policy = null, Func<double>? jitter = null) =>
        new(policy ?? OutboxPolicy.Default, jitter ?? (() => 0.5));

    private static OutboxEntry Entry(string id, string order = "O1", DateTimeOffset? enqueuedAt = null) =>
        new(id, order, "C-" + id, Encoding.ASCII.GetBytes("MSH|" + id), enqueuedAt ?? T0);

    private static DateTimeOffset At(double seconds) => T0.AddSeconds(seconds);

    private static IReadOnlyList<string> Ids(IEnumerable<OutboxEntry> entries) => [.. entries.Select(e => e.Id)];

    [Fact]
    public void Enqueue_is_idempotent_by_id_even_after_delivery()
    {
        var queue = Queue();

        Assert.True(queue.Enqueue(Entry("a")));
        Assert.False(queue.Enqueue(Entry("a")));
        queue.TakeDispatchable(T0, 8);
        queue.OnAck("C-a", AckCode.AA, "", T0);

        Assert.False(queue.Enqueue(Entry("a")));
        Assert.Equal(0, queue.Depth);
    }

    [Fact]
    public void A_second_entry_with_the_same_control_id_is_refused()
    {
        var queue = Queue();
        queue.Enqueue(Entry("a"));

        var error = Assert.Throws<ArgumentException>(() => queue.Enqueue(Entry("b") with { MessageControlId = "C-a" }));

        Assert.Contains("control id C-a of entry b is already that of entry a", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void One_message_per_order_in_flight_orders_in_parallel_within_the_window()
    {
        var queue = Queue();
        foreach (var (id, order) in new[] { ("a1", "A"), ("a2", "A"), ("b1", "B"), ("c1", "C"), ("b2", "B"), ("d1", "D") })
        {
            queue.Enqueue(Entry(id, order));
        }

        var first = queue.TakeDispatchable(T0, maxInFlight: 3);
        var none = queue.TakeDispatchable(T0, maxInFlight: 3);
        var more = queue.TakeDispatchable(T0, maxInFlight: 10);

        Assert.Equal(["a1", "b1", "c1"], Ids(first));
        Assert.Empty(none);
        Assert.Equal(["d1"], Ids(more)); // a2 and b2 wait for their heads
        Assert.All(first, e => Assert.Equal((OutboxEntryState.InFlight, 1, (DateTimeOffset?)T0), (e.State, e.Attempts, e.SentAt)));
        Assert.Equal(4, queue.InFlightCount);
    }

    [Fact]
    public void Delivery_releases_the_next_message_of_the_same_order()
    {
        var queue = Queue();
        queue.Enqueue(Entry("a1", "A"));
        queue.Enqueue(Entry("a2", "A"));
        queue.Enqueue(Entry("a3", "A"));

        var sent = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var batch = queue.TakeDispatchable(At(i), 8);
            sent.AddRange(Ids(batch));
            Assert.Equal(OutboxAckOutcome.Delivered, queue.OnAck(Assert.Single(batch).MessageControlId, AckCode.AA, "", At(i)).Outcome);
        }

        Assert.Equal(["a1", "a2", "a3"], sent);
        Assert.Equal(3, queue.Metrics(At(3)).Delivered);
        Assert.Equal(0, queue.Depth);
    }

    [Fact]
    public void Commit_accept_delivers_too()
    {
        var queue = Queue();
        queue.Enqueue(Entry("a"));
        queue.TakeDispatchable(T0, 1);

        var result = queue.OnAck("C-a", AckCode.CA, null, T0);

        Assert.Equal(OutboxAckOutcome.Delivered, result.Outcome);
        Assert.Equal("a", result.Entry!.Id);
    }

    [Fact]
    public void A_re_ack_or_a_strangers_ack_is_ignored_and_counted()
    {
        var queue = Queue();
        queue.Enqueue(Entry("a"));
        queue.TakeDispatchable(T0, 1);
        queue.OnAck("C-a", AckCode.AA, "", T0);

        Assert.Equal(new OutboxAckResult(OutboxAckOutcome.Ignored, null), queue.OnAck("C-a", AckCode.AA, "", At(1)));
        Assert.Equal(OutboxAckOutcome.Ignored, queue.OnAck("C-a", AckCode.AE, "late", At(1)).Outcome);
        Assert.Equal(OutboxAckOutcome.Ignored, queue.OnAck("NOBODY", AckCode.AA, "", At(1)).Outcome);

        var metrics = queue.Metrics(At(1));
        Assert.Equal(3, metrics.IgnoredAcks);
        Assert.Equal(1, metrics.Delivered);
        Assert.Null(metrics.LastError);
    }

    [Fact]
    public void By_default_ae_parks_and_holds_back_only_its_own_order()
    {
        var queue = Queue();
        queue.Enqueue(Entry("a1", "A"));
        queue.Enqueue(Entry("a2", "A"));
        queue.Enqueue(Entry("b1", "B"));
        queue.Enqueue(Entry("b2", "B"));
        queue.TakeDispatchable(T0, 8);

        var parked = queue.OnAck("C-a1", AckCode.AE, "PID-3 unknown patient", At(1));
        queue.OnAck("C-b1", AckCode.AA, "", At(1));
        var next = queue.TakeDispatchable(At(1), 8);

        Assert.Equal(OutboxAckOutcome.Parked, parked.Outcome);
        Assert.Equal(OutboxEntryState.Parked, parked.Entry!.State);
        Assert.Equal("AE: PID-3 unknown patient", parked.Entry.LastError);
        Assert.Equal(["b2"], Ids(next)); // B flows; a2 waits behind its parked head
        Assert.Equal(OutboxEntryState.Pending, queue.Find("a2")!.State);
        Assert.DoesNotContain(queue.TakeDispatchable(At(3600), 8), e => e.OrderKey == "A");

        var metrics = queue.Metrics(At(1));
        Assert.Equal((3, 1, 1, 1, 1, 2), (metrics.Depth, metrics.Pending, metrics.InFlight, metrics.Parked, metrics.Waiting, metrics.Orders));
        Assert.Equal("AE: PID-3 unknown patient", metrics.LastError);
        Assert.Equal(At(1), metrics.LastErrorAt);
    }

    [Fact]
    public void Retry_of_a_parked_head_sends_it_again_with_a_fresh_budget_then_its_order_flows()
    {
        var queue = Queue(OutboxPolicy.Default with { MaxAttempts = 2 });
        queue.Enqueue(Entry("a1", "A"));
        queue.Enqueue(Entry("a2", "A"));
        queue.TakeDispatchable(T0, 8);
        queue.OnAck("C-a1", AckCode.AE, "bad", At(1));

        var retried = queue.Retry("a1", At(60));
        var sent = queue.TakeDispatchable(At(60), 8);
        queue.OnAck("C-a1", AckCode.AA, "", At(61));

        Assert.Equal((OutboxEntryState.Pending, 0, At(60)), (retried!.State, retried.Attempts, retried.NextAttemptAt));
        Assert.Equal(["a1"], Ids(sent));
        Assert.Equal(1, sent[0].Attempts);
        Assert.Equal(["a2"], Ids(queue.TakeDispatchable(At(61), 8)));
    }

    [Fact]
    public void Discarding_a_parked_head_lets_the_rest_of_its_order_go_and_its_id_stays_gone()
    {
        var queue = Queue();
        queue.Enqueue(Entry("a1", "A"));
        queue.Enqueue(Entry("a2", "A"));
        queue.TakeDispatchable(T0, 8);
        queue.OnAck("C-a1", AckCode.AE, "bad", At(1));

        var discarded = queue.Discard("a1");

        Assert.Equal("a1", discarded!.Id);
        Assert.Equal(["a2"], Ids(queue.TakeDispatchable(At(1), 8)));
        Assert.False(queue.Enqueue(Entry("a1", "A")));
        Assert.Equal(OutboxAckOutcome.Ignored, queue.OnAck("C-a1", AckCode.AA, "", At(2)).Outcome);
        Assert.Equal(1, queue.Metrics(At(2)).Discarded);
        Assert.Null(queue.Discard("a1"));
        Assert.Null(queue.Retry("a1", At(2)));
    }

    [Fact]
    public void Discarding_a_message_in_the_middle_of_an_order_keeps_the_rest_in_order()
    {
        var queue = Queue();
        queue.Enqueue(Entry("a1", "A"));
        queue.Enqueue(Entry("a2", "A"));
        queue.Enqueue(Entry("a3", "A"));

        queue.Discard("a2");

        Assert.Equal(["a1", "a3"], Ids(queue.EntriesOf("A")));
        Assert.Equal(["a1"], Ids(queue.TakeDispatchable(T0, 8)));
        queue.OnAck("C-a1", AckCode.AA, "", T0);
        Assert.Equal(["a3"], Ids(queue.TakeDispatchable(T0, 8)));
    }

    [Fact]
    public void Discarding_an_in_flight_message_frees_its_slot_and_its_order()
    {
        var queue = Queue();
        queue.Enqueue(Entry("a1", "A"));
        queue.Enqueue(Entry("a2", "A"));
        queue.TakeDispatchable(T0, 1);

        queue.Discard("a1");

        Assert.Equal(0, queue.InFlightCount);
        Assert.Equal(["a2"], Ids(queue.TakeDispatchable(T0, 1)));
    }

    [Theory]
    [InlineData(AckCode.AR)]
    [InlineData(AckCode.CR)]
    public void By_default_ar_retries_with_exponential_backoff(AckCode code)
    {
        var queue = Queue(OutboxPolicy.Default with { BaseDelay = TimeSpan.FromSeconds(2), MaxDelay = TimeSpan.FromSeconds(30) });
        queue.Enqueue(Entry("a"));
        var expectedDelays = new[] { 2, 4, 8, 16, 30, 30 };
        var now = T0;

        foreach (var delay in expectedDelays)
        {
            Assert.Single(queue.TakeDispatchable(now, 1));
            var result = queue.OnAck("C-a", code, "busy", now);

            Assert.Equal(OutboxAckOutcome.RetryScheduled, result.Outcome);
            Assert.Equal(now.AddSeconds(delay), result.Entry!.NextAttemptAt);
            Assert.Equal($"{code}: busy", result.Entry.LastError);
            Assert.Empty(queue.TakeDispatchable(now.AddSeconds(delay).AddTicks(-1), 1)); // not a tick early
            now = now.AddSeconds(delay);
        }

        Assert.Equal(expectedDelays.Length, queue.Metrics(now).TotalRetries);
        Assert.Equal(expectedDelays.Length + 1, queue.TakeDispatchable(now, 1)[0].Attempts);
    }

    [Theory]
    [InlineData(AckCode.AE, OutboxErrorAction.Retry, OutboxErrorAction.Park, OutboxAckOutcome.RetryScheduled)]
    [InlineData(AckCode.CE, OutboxErrorAction.Retry, OutboxErrorAction.Park, OutboxAckOutcome.RetryScheduled)]
    [InlineData(AckCode.AR, OutboxErrorAction.Retry, OutboxErrorAction.Park, OutboxAckOutcome.Parked)]
    [InlineData(AckCode.CR, OutboxErrorAction.Retry, OutboxErrorAction.Park, OutboxAckOutcome.Parked)]
    [InlineData(AckCode.AE, OutboxErrorAction.Park, OutboxErrorAction.Retry, OutboxAckOutcome.Parked)]
    [InlineData(AckCode.AR, OutboxErrorAction.Park, OutboxErrorAction.Retry, OutboxAckOutcome.RetryScheduled)]
    public void Each_negative_code_follows_its_configured_action(AckCode code, OutboxErrorAction ae, OutboxErrorAction ar, OutboxAckOutcome expected)
    {
        var queue = Queue(OutboxPolicy.Default with { AePolicy = ae, ArPolicy = ar });
        queue.Enqueue(Entry("a"));
        queue.TakeDispatchable(T0, 1);

        Assert.Equal(expected, queue.OnAck("C-a", code, "", T0).Outcome);
    }

    [Fact]
    public void Retried_failures_park_once_max_attempts_are_spent()
    {
        var queue = Queue(OutboxPolicy.Default with { MaxAttempts = 3, BaseDelay = TimeSpan.FromSeconds(1) });
        queue.Enqueue(Entry("a"));
        var outcomes = new List<OutboxAckOutcome>();
        var now = T0;

        for (var i = 0; i < 3; i++)
        {
            var sent = queue.TakeDispatchable(now, 1);
            Assert.Single(sent);
            outcomes.Add(queue.OnAck("C-a", AckCode.AR, "down", now).Outcome);
            now = now.AddMinutes(10);
        }

        Assert.Equal([OutboxAckOutcome.RetryScheduled, OutboxAckOutcome.RetryScheduled, OutboxAckOutcome.Parked], outcomes);
        Assert.Equal("AR: down (parked after 3 attempts)", queue.Find("a")!.LastError);
        Assert.Empty(queue.TakeDispatchable(now, 1));
    }

    [Fact]
    public void An_unanswered_message_times_out_back_to_pending_with_backoff()
    {
        var queue = Queue(OutboxPolicy.Default with { AckTimeout = TimeSpan.FromSeconds(30), BaseDelay = TimeSpan.FromSeconds(5) });
        queue.Enqueue(Entry("a", "A"));
        queue.Enqueue(Entry("b", "B"));
        queue.TakeDispatchable(T0, 1);
        queue.TakeDispatchable(At(10), 2);

        Assert.Empty(queue.OnTimeout(At(29.999)));
        var expired = queue.OnTimeout(At(30));

        var a = Assert.Single(expired);
        Assert.Equal(("a", OutboxEntryState.Pending, At(35), "no ACK within 30 s"), (a.Id, a.State, a.NextAttemptAt, a.LastError));
        Assert.Null(a.SentAt);
        Assert.Equal(OutboxEntryState.InFlight, queue.Find("b")!.State);
        Assert.Equal(1, queue.Metrics(At(30)).TotalRetries);
    }

    [Fact]
    public void A_late_aa_for_a_message_that_timed_out_still_delivers_it()
    {
        var queue = Queue(OutboxPolicy.Default with { AckTimeout = TimeSpan.FromSeconds(30) });
        queue.Enqueue(Entry("a1", "A"));
        queue.Enqueue(Entry("a2", "A"));
        queue.TakeDispatchable(T0, 8);
        queue.OnTimeout(At(30));

        var late = queue.OnAck("C-a1", AckCode.AA, "", At(31));

        Assert.Equal(OutboxAckOutcome.Delivered, late.Outcome);
        Assert.Equal(["a2"], Ids(queue.TakeDispatchable(At(31), 8)));
    }

    [Fact]
    public void A_late_negative_ack_for_a_waiting_message_parks_it_only_when_the_policy_parks()
    {
        var queue = Queue(OutboxPolicy.Default with { AckTimeout = TimeSpan.FromSeconds(30) });
        queue.Enqueue(Entry("a", "A"));
        queue.Enqueue(Entry("b", "B"));
        queue.TakeDispatchable(T0, 8);
        queue.OnTimeout(At(30));
        var scheduled = queue.Find("b")!.NextAttemptAt;

        var ar = queue.OnAck("C-b", AckCode.AR, "busy", At(31));
        var ae = queue.OnAck("C-a", AckCode.AE, "bad", At(31));

        Assert.Equal((OutboxAckOutcome.RetryScheduled, scheduled, "AR: busy"), (ar.Outcome, ar.Entry!.NextAttemptAt, ar.Entry.LastError));
        Assert.Equal(OutboxAckOutcome.Parked, ae.Outcome);
        Assert.Equal(1 + 1, queue.Metrics(At(31)).TotalRetries); // the two timeouts; the late ACKs schedule nothing new
    }

    [Fact]
    public void A_negative_ack_for_a_parked_message_only_records_the_error_and_an_aa_delivers_it()
    {
        var queue = Queue();
        queue.Enqueue(Entry("a"));
        queue.TakeDispatchable(T0, 1);
        queue.OnAck("C-a", AckCode.AE, "first", T0);

        var again = queue.OnAck("C-a", AckCode.AE, "second", At(1));
        Assert.Equal((OutboxAckOutcome.Parked, "AE: second"), (again.Outcome, again.Entry!.LastError));

        Assert.Equal(OutboxAckOutcome.Delivered, queue.OnAck("C-a", AckCode.AA, "", At(2)).Outcome);
        Assert.Equal(0, queue.Depth);
    }

    [Fact]
    public void A_lost_connection_puts_in_flight_messages_back_first_in_line_without_penalty()
    {
        var queue = Queue(OutboxPolicy.Default with { MaxAttempts = 1 });
        queue.Enqueue(Entry("a1", "A"));
        queue.Enqueue(Entry("a2", "A"));
        queue.Enqueue(Entry("b1", "B"));
        queue.TakeDispatchable(T0, 8);

        var lost = queue.OnConnectionLost(At(5), "connection reset by 10.0.0.7:6661");

        Assert.Equal(["a1", "b1"], Ids(lost));
        Assert.All(lost, e => Assert.Equal((OutboxEntryState.Pending, At(5), 1, "connection reset by 10.0.0.7:6661"), (e.State, e.NextAttemptAt, e.Attempts, e.LastError)));
        Assert.Equal(0, queue.InFlightCount);
        Assert.Equal(["a1", "b1"], Ids(queue.TakeDispatchable(At(5), 8))); // not parked though MaxAttempts is 1
        Assert.Equal(2, queue.Metrics(At(5)).TotalRetries);
        Assert.All(queue.OnConnectionLost(At(6)), e => Assert.Equal(OutboxEntryState.Pending, e.State));
    }

    [Fact]
    public void When_connection_loss_counts_as_failure_it_backs_off_and_parks_like_a_timeout()
    {
        var queue = Queue(OutboxPolicy.Default with { MaxAttempts = 2, ConnectionLossIsFailure = true, BaseDelay = TimeSpan.FromSeconds(10) });
        queue.Enqueue(Entry("a"));

        queue.TakeDispatchable(T0, 1);
        var first = Assert.Single(queue.OnConnectionLost(T0, "peer closed"));
        queue.TakeDispatchable(At(10), 1);
        var second = Assert.Single(queue.OnConnectionLost(At(10), "peer closed"));

        Assert.Equal((OutboxEntryState.Pending, At(10)), (first.State, first.NextAttemptAt));
        Assert.Equal((OutboxEntryState.Parked, "peer closed (parked after 2 attempts)"), (second.State, second.LastError));
    }

    [Fact]
    public void Retry_of_a_pending_message_cuts_its_backoff_short()
    {
        var queue = Queue(OutboxPolicy.Default with { BaseDelay = TimeSpan.FromMinutes(5) });
        queue.Enqueue(Entry("a"));
        queue.TakeDispatchable(T0, 1);
        queue.OnAck("C-a", AckCode.AR, "busy", T0);
        Assert.Empty(queue.TakeDispatchable(At(1), 1));

        var retried = queue.Retry("a", At(1));

        Assert.Equal((At(1), 1), (retried!.NextAttemptAt, retried.Attempts)); // a pending entry keeps its count
        Assert.Single(queue.TakeDispatchable(At(1), 1));
        Assert.Equal(OutboxEntryState.InFlight, queue.Retry("a", At(2))!.State); // in flight: unchanged
    }

    [Fact]
    public void Due_messages_go_earliest_first_and_future_ones_wait()
    {
        var queue = Queue();
        queue.Enqueue(Entry("late", "A") with { NextAttemptAt = At(100) });
        queue.Enqueue(Entry("soon", "B") with { NextAttemptAt = At(10) });
        queue.Enqueue(Entry("now", "C"));

        Assert.Equal(["now"], Ids(queue.TakeDispatchable(T0, 8)));
        Assert.Equal(["soon"], Ids(queue.TakeDispatchable(At(50), 8)));
        Assert.Equal(["late"], Ids(queue.TakeDispatchable(At(100), 8)));
    }

    [Fact]
    public void Next_due_is_the_first_retry_or_the_first_ack_timeout()
    {
        var queue = Queue(OutboxPolicy.Default with { AckTimeout = TimeSpan.FromSeconds(30) });
        Assert.Null(queue.NextDueAt(8));

        queue.Enqueue(Entry("a", "A"));
        queue.Enqueue(Entry("b", "B") with { NextAttemptAt = At(100) });
        Assert.Equal(default(DateTimeOffset), queue.NextDueAt(8)); // a fresh entry is due from the beginning of time

        queue.TakeDispatchable(At(5), 8);
        Assert.Equal(At(35), queue.NextDueAt(8)); // a's timeout before b's retry
        Assert.Equal(At(35), queue.NextDueAt(1)); // window full: only the timeout counts

        queue.OnAck("C-a", AckCode.AA, "", At(6));
        Assert.Equal(At(100), queue.NextDueAt(8));
    }

    [Fact]
    public void Metrics_show_depth_age_and_counters()
    {
        var queue = Queue();
        queue.Enqueue(Entry("a1", "A", T0));
        queue.Enqueue(Entry("a2", "A", At(30)));
        queue.Enqueue(Entry("b1", "B", At(45)));

        var empty = Queue().Metrics(T0);
        var metrics = queue.Metrics(At(100));

        Assert.Equal(TimeSpan.Zero, empty.OldestAge);
        Assert.Equal(0, empty.Depth);
        Assert.Equal((3, 3, 0, 0, 0, 2), (metrics.Depth, metrics.Pending, metrics.InFlight, metrics.Parked, metrics.Waiting, metrics.Orders));
        Assert.Equal(TimeSpan.FromSeconds(100), metrics.OldestAge);

        queue.TakeDispatchable(At(100), 8);
        queue.OnAck("C-a1", AckCode.AA, "", At(101));
        Assert.Equal(TimeSpan.FromSeconds(71), queue.Metrics(At(101)).OldestAge);
        Assert.Equal(TimeSpan.Zero, queue.Metrics(At(0)).OldestAge); // a clock behind the entries shows no negative age
    }

    [Fact]
    public void A_snapshot_rebuilds_the_same_queue_with_in_flight_messages_due_again()
    {
        var queue = Queue(OutboxPolicy.Default with { RememberCompleted = 10 });
        foreach (var (id, order) in new[] { ("a1", "A"), ("a2", "A"), ("b1", "B"), ("c1", "C"), ("d1", "D") })
        {
            queue.Enqueue(Entry(id, order));
        }

        queue.TakeDispatchable(T0, 8);
        queue.OnAck("C-d1", AckCode.AA, "", At(1));
        queue.OnAck("C-b1", AckCode.AE, "bad", At(1));
        queue.OnAck("C-c1", AckCode.AR, "busy", At(1));
        queue.OnAck("GONE", AckCode.AA, "", At(1));

        var snapshot = queue.ToSnapshot();
        var rebuilt = OutboxQueue.FromSnapshot(queue.Policy, () => 0.5, snapshot);

        Assert.Equal(["a1", "a2", "b1", "c1"], Ids(rebuilt.Entries));
        Assert.Equal(queue.Counters, rebuilt.Counters);
        Assert.Equal(["d1"], snapshot.CompletedIds);
        Assert.False(rebuilt.Enqueue(Entry("d1", "D")));
        var a1 = rebuilt.Find("a1")!;
        Assert.Equal((OutboxEntryState.Pending, 1, T0), (a1.State, a1.Attempts, a1.NextAttemptAt));
        Assert.Equal(queue.Find("b1"), rebuilt.Find("b1"));
        Assert.Equal(queue.Find("c1"), rebuilt.Find("c1"));
        Assert.Equal(["a1"], Ids(rebuilt.TakeDispatchable(At(1), 8)));
        Assert.Equal(OutboxAckOutcome.Delivered, rebuilt.OnAck("C-a1", AckCode.AA, "", At(2)).Outcome);
        Assert.Equal(["a2", "c1"], Ids(rebuilt.TakeDispatchable(At(100), 8)));
    }

    [Fact]
    public void Completed_ids_are_remembered_up_to_the_configured_count()
    {
        var queue = Queue(OutboxPolicy.Default with { RememberCompleted = 2 });
        foreach (var id in new[] { "x", "y", "z" })
        {
            queue.Enqueue(Entry(id, id));
            queue.Discard(id);
        }

        Assert.True(queue.Enqueue(Entry("x", "x"))); // forgotten: the oldest of three with room for two
        Assert.False(queue.Enqueue(Entry("y", "y")));
        Assert.False(queue.Enqueue(Entry("z", "z")));
    }

    [Fact]
    public void An_entry_enqueued_as_in_flight_is_taken_as_pending()
    {
        var queue = Queue();

        queue.Enqueue(Entry("a") with { State = OutboxEntryState.InFlight, SentAt = T0, Attempts = 2 });

        Assert.Equal((OutboxEntryState.Pending, (DateTimeOffset?)null, 2), (queue.Find("a")!.State, queue.Find("a")!.SentAt, queue.Find("a")!.Attempts));
        Assert.Equal(0, queue.InFlightCount);
    }

    [Fact]
    public void Entries_compare_by_payload_content()
    {
        Assert.Equal(Entry("a"), Entry("a"));
        Assert.NotEqual(Entry("a"), Entry("a") with { Payload = [1, 2, 3] });
        Assert.Equal(Entry("a").GetHashCode(), Entry("a").GetHashCode());
    }

    [Fact]
    public void A_policy_with_problems_is_refused()
    {
        var bad = OutboxPolicy.Default with
        {
            MaxAttempts = -1,
            BaseDelay = TimeSpan.Zero,
            MaxDelay = TimeSpan.FromSeconds(-1),
            JitterFraction = 1.5,
            AckTimeout = TimeSpan.Zero,
            RememberCompleted = -1,
        };

        Assert.Equal(6, bad.Problems().Count);
        Assert.Empty(OutboxPolicy.Default.Problems());
        Assert.Contains("max attempts -1", Assert.Throws<ArgumentException>(() => new OutboxQueue(bad, () => 0)).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, 0.5, 1000)]
    [InlineData(2, 0.5, 2000)]
    [InlineData(4, 0.5, 8000)]
    [InlineData(7, 0.5, 60_000)] // 64 s capped at 60
    [InlineData(1, 0.0, 800)] // -20 %
    [InlineData(1, 0.999999, 1200)] // just under +20 %
    [InlineData(7, 0.0, 48_000)] // jitter applies after the cap
    [InlineData(0, 0.5, 1000)] // no attempt yet: the base delay
    [InlineData(int.MaxValue, 0.5, 60_000)] // no overflow
    public void Backoff_doubles_to_the_cap_with_symmetric_jitter(int attempts, double jitter, double expectedMs)
    {
        var policy = OutboxPolicy.Default with { BaseDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(60), JitterFraction = 0.2 };

        Assert.Equal(expectedMs, policy.Backoff(attempts, jitter).TotalMilliseconds, precision: 0);
    }

    [Fact]
    public void The_injected_jitter_spreads_retries()
    {
        var values = new Queue<double>([0.0, 0.75]);
        var queue = Queue(OutboxPolicy.Default with { BaseDelay = TimeSpan.FromSeconds(10), JitterFraction = 0.5 }, () => values.Dequeue());
        queue.Enqueue(Entry("a", "A"));
        queue.Enqueue(Entry("b", "B"));
        queue.TakeDispatchable(T0, 8);

        var a = queue.OnAck("C-a", AckCode.AR, "", T0).Entry!;
        var b = queue.OnAck("C-b", AckCode.AR, "", T0).Entry!;

        Assert.Equal(At(5), a.NextAttemptAt); // 10 s * (1 - 0.5)
        Assert.Equal(At(12.5), b.NextAttemptAt); // 10 s * (1 + 0.25)
    }
}
