using System.Net;
using ActorBroker.Actors.Exceptions;
using ActorBroker.Actors.Inbound;
using ActorBroker.Actors.Settings;
using ActorBroker.Domain.Orders;
using ActorBroker.Domain.Sites;
using ActorBroker.Hl7;
using ActorBroker.Hl7.Mllp;
using Akka.Actor;

namespace ActorBroker.Actors.Interfaces;

/// <summary>
/// What happens to each inbound MLLP frame: parse, check the header, map to order commands, journal them in
/// the inbound log, then build the ACK. Runs on the listener's
/// connection tasks, not inside an actor, so hundreds of connections are not funnelled through one
/// mailbox; the interface actor is told the outcome for its counters.
/// </summary>
internal sealed class Hl7InboundHandler : IMllpHandler
{
    private readonly Hl7ListenerSettings _settings;
    private readonly IActorRef _log;
    private readonly IActorRef _exceptions;
    private readonly IActorRef _interfaceActor;
    private readonly SiteDirectory _sites;
    private readonly TimeProvider _time;
    private readonly Hl7CommandMapper _mapper;

    public Hl7InboundHandler(Hl7ListenerSettings settings, IActorRef inboundLog, IActorRef exceptions, IActorRef interfaceActor, SiteDirectory sites, TimeProvider time, Hl7CommandMapper mapper)
    {
        _mapper = mapper;
        _settings = settings;
        _log = inboundLog;
        _exceptions = exceptions;
        _interfaceActor = interfaceActor;
        _sites = sites;
        _time = time;
    }

    private string Source => "hl7:" + _settings.Name;

    public async ValueTask<ReadOnlyMemory<byte>> HandleAsync(MllpConnectionInfo connection, ReadOnlyMemory<byte> frame, CancellationToken ct)
    {
        var receivedAt = _time.GetUtcNow();
        Hl7Message message;
        try
        {
            message = Hl7Message.Parse(frame);
        }
        catch (Hl7Exception e)
        {
            await RecordAsync(e.Error, null, e.SuggestedAck, connection.Remote, frame);
            Count(e.SuggestedAck);
            return Hl7AckBuilder.BuildForUnparsable(frame.Span, e.SuggestedAck, e.Error.Message);
        }

        var header = CheckHeader(message);
        if (header is not null)
        {
            return await RejectAsync(message, AckCode.AR, header, connection.Remote, frame);
        }

        var (commands, error) = await _mapper.MapAsync(message, receivedAt, ct);
        if (error is not null)
        {
            var code = error.Code is Hl7ErrorCode.UnsupportedMessageType or Hl7ErrorCode.UnsupportedEventCode ? AckCode.AR : AckCode.AE;
            return await RejectAsync(message, code, error, connection.Remote, frame);
        }

        // AA only once the message is in the journal (the inbound log); the order entities apply it
        // right after, in order per order, and re-receive it after a crash.
        var messageRef = commands.Count > 0
            ? commands[0].Message
            : new MessageRef(message.Msh.SendingApplication, message.Msh.SendingFacility, message.MessageControlId, receivedAt);
        var logged = await LogAsync(new LogInbound(messageRef, commands, connection.Remote.ToString(), frame.ToArray(), receivedAt + _settings.AckTimeout), ct);
        if (logged is null)
        {
            // Not the message's fault: no exception record (the sender will resend), but an AE
            // with 207 so the EHR's interface engine retries instead of marking it delivered.
            Count(AckCode.AE);
            return Hl7AckBuilder.Build(message, AckCode.AE, [new Hl7Error(Hl7ErrorCode.ApplicationInternalError, null, $"not stored within {_settings.AckTimeout.TotalSeconds:0.#} s (journal unavailable?); please resend")]);
        }

        Count(AckCode.AA);
        return Hl7AckBuilder.Build(message, AckCode.AA);
    }

    public void OnFrameError(MllpConnectionInfo connection, MllpFrameError error, ReadOnlyMemory<byte> rawSoFar)
    {
        _exceptions.Record(new RecordException(Source, "MLLP framing: " + error, null, null, null, null, connection.Remote.ToString(), rawSoFar.ToArray()));
        _interfaceActor.Tell(new InterfaceCounters.FrameError());
    }

    private async Task<InboundLogged?> LogAsync(LogInbound entry, CancellationToken ct)
    {
        try
        {
            return await _log.Ask<InboundLogged>(entry, _settings.AckTimeout, ct);
        }
        catch (Exception e) when (e is AskTimeoutException or TaskCanceledException)
        {
            return null;
        }
    }

    private async ValueTask<ReadOnlyMemory<byte>> RejectAsync(Hl7Message message, AckCode code, Hl7Error error, IPEndPoint remote, ReadOnlyMemory<byte> raw)
    {
        await RecordAsync(error, message, code, remote, raw);
        Count(code);
        return Hl7AckBuilder.Build(message, code, [error]);
    }

    private async Task RecordAsync(Hl7Error error, Hl7Message? message, AckCode code, IPEndPoint remote, ReadOnlyMemory<byte> raw)
    {
        var record = new RecordException(
            Source,
            error.Message,
            error.Location?.ToString(),
            message is null ? null : $"{message.MessageType}^{message.TriggerEvent}",
            message?.MessageControlId,
            code.ToString(),
            remote.ToString(),
            raw.ToArray());
        try
        {
            // The negative ACK also waits for the journal: "we kept it" must be true when we say it.
            await _exceptions.Ask<ExceptionStored>(record, _settings.AckTimeout);
        }
        catch (AskTimeoutException)
        {
            _interfaceActor.Tell(new InterfaceCounters.ExceptionStoreTimeout());
        }
    }

    // HL7 2.5.1 2.14.9 (MSH-11 processing id) and 2.14.9.12 (MSH-12 version): what we can process.
    private static Hl7Error? CheckHeader(Hl7Message message)
    {
        var processingId = message.ProcessingId;
        if (processingId.Length > 0 && processingId[0] is not ('P' or 'T' or 'D'))
        {
            return new Hl7Error(Hl7ErrorCode.UnsupportedProcessingId, message.Msh.Segment.LocationOf(11), $"MSH-11 processing id '{processingId}' is not P, T or D");
        }

        var version = message.Version;
        if (!version.StartsWith("2.", StringComparison.Ordinal))
        {
            return new Hl7Error(Hl7ErrorCode.UnsupportedVersionId, message.Msh.Segment.LocationOf(12), $"MSH-12 version '{version}' is not HL7 v2.x");
        }

        return null;
    }

    private void Count(AckCode code) => _interfaceActor.Tell(new InterfaceCounters.Acked(code, _time.GetUtcNow()));
}
