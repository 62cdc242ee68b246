using ActorBroker.Actors.Settings;
using ActorBroker.Hl7.Mllp;
using Akka.Actor;
using Akka.Event;

namespace ActorBroker.Actors.Outbound;

/// <summary>
/// The transport of an HL7 outbox: one MLLP connection to the destination (TCP NoDelay), kept open and reconnected
/// with backoff (1 s doubling to 30 s) when it drops or cannot be made. Messages are written as the outbox releases
/// them; every ACK read is handed to the outbox with its MSA-2, which is how it is matched (some receivers re-ACK
/// old messages or answer out of order). A reply that is not an ACK is logged and otherwise ignored: the message
/// it should have answered times out and is sent again.
/// </summary>
public sealed class MllpTransportActor : ReceiveActor, IWithTimers
{
    private static readonly TimeSpan MinReconnect = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxReconnect = TimeSpan.FromSeconds(30);

    private readonly Hl7DestinationSettings _settings;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private MllpSenderConnection? _connection;
    private int _generation;
    private TimeSpan _reconnectDelay = MinReconnect;

    public MllpTransportActor(Hl7DestinationSettings settings)
    {
        _settings = settings;
        Receive<Connect>(_ => StartConnect());
        Receive<Connected>(OnConnected);
        Receive<Lost>(OnLost);
        Receive<NotAnAck>(OnNotAnAck);
        Receive<TransportDeliver>(OnDeliver);
    }

    public ITimerScheduler Timers { get; set; } = null!;

    private string Endpoint => $"{_settings.Host}:{_settings.Port}";

    public static Props GetProps(Hl7DestinationSettings settings) => Props.Create(() => new MllpTransportActor(settings));

    protected override void PreStart() => Self.Tell(new Connect());

    protected override void PostStop() => _connection?.DisposeAsync().AsTask().GetAwaiter().GetResult();

    private void StartConnect()
    {
        var generation = ++_generation;
        var cts = new CancellationTokenSource(_settings.ConnectTimeout);
        MllpSenderConnection.ConnectAsync(_settings.Host, _settings.Port, _settings.MaxMessageBytes, _settings.LinkThreadSlice, cts.Token)
            .ContinueWith(
                t =>
                {
                    cts.Dispose();
                    return t.IsCompletedSuccessfully
                        ? new Connected(generation, t.Result)
                        : (object)new Lost(generation, t.Exception?.GetBaseException().Message ?? "connect timed out");
                },
                TaskScheduler.Default)
            .PipeTo(Self);
    }

    private void OnConnected(Connected c)
    {
        if (c.Generation != _generation)
        {
            c.Connection.DisposeAsync().AsTask().GetAwaiter().GetResult();
            return;
        }

        _connection = c.Connection;
        _reconnectDelay = MinReconnect;
        var self = Self;
        var outbox = Context.Parent;
        var generation = c.Generation;
        var connection = c.Connection;

        // Messages go onto the socket from the outbox's thread and ACKs go from the receive loop to the outbox, both
        // without passing through this actor: with one message in flight each hop is paid twice per message. The loop
        // below runs on the connection's reader thread (the channel's continuations are synchronous), where the outbox
        // it wakes also runs (OwnThreadExecutor) and sends the next message. An ACK read from a connection that has
        // since been replaced is still the receiver's answer to that control id.
        outbox.Tell(new TransportConnected(Endpoint, d => Send(self, generation, connection, d)));
        _ = Task.Run(async () =>
        {
            string reason;
            try
            {
                await foreach (var reply in connection.Acks.ReadAllAsync())
                {
                    if (reply.Ack is { } ack)
                    {
                        outbox.Tell(new TransportAck(ack.MessageControlId, ack.AckCode.ToString(), ack.Text));
                    }
                    else
                    {
                        self.Tell(new NotAnAck(reply.Error));
                    }
                }

                reason = "the receiver closed the connection";
            }
            catch (Exception e)
            {
                reason = e.GetBaseException().Message;
            }

            self.Tell(new Lost(generation, reason));
        });
    }

    // Runs where the outbox runs (TransportConnected.Send: its own thread, or the reader's when an ACK woke it) or on
    // this actor's (TransportDeliver). A small frame is written before this returns (MllpSenderConnection).
    private static void Send(IActorRef self, int generation, MllpSenderConnection connection, TransportDeliver d)
    {
        ValueTask sending;
        try
        {
            sending = connection.SendAsync(d.Payload);
        }
        catch (Exception e)
        {
            self.Tell(new Lost(generation, "send failed: " + e.GetBaseException().Message));
            return;
        }

        if (!sending.IsCompletedSuccessfully)
        {
            sending.AsTask().ContinueWith(
                t =>
                {
                    if (!t.IsCompletedSuccessfully)
                    {
                        self.Tell(new Lost(generation, "send failed: " + (t.Exception?.GetBaseException().Message ?? "cancelled")));
                    }
                },
                TaskScheduler.Default);
        }
    }

    private void OnNotAnAck(NotAnAck n) =>
        _log.Warning("Destination {0}: a reply that is not an ACK ({1}); the message it answers will time out and be sent again", _settings.Name, n.Error);

    private void OnDeliver(TransportDeliver d)
    {
        if (_connection is not { IsConnected: true } connection)
        {
            Context.Parent.Tell(new TransportDisconnected("not connected"));
            return;
        }

        Send(Self, _generation, connection, d);
    }

    private void OnLost(Lost l)
    {
        if (l.Generation != _generation)
        {
            return;
        }

        _generation++;
        if (_connection is { } old)
        {
            _connection = null;
            old.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }

        Context.Parent.Tell(new TransportDisconnected(l.Reason));
        Timers.StartSingleTimer("reconnect", new Connect(), _reconnectDelay);
        _reconnectDelay = TimeSpan.FromTicks(Math.Min(MaxReconnect.Ticks, _reconnectDelay.Ticks * 2));
    }

    private sealed record Connect;

    private sealed record Connected(int Generation, MllpSenderConnection Connection);

    private sealed record Lost(int Generation, string Reason);

    private sealed record NotAnAck(string? Error);
}
