using ActorBroker.Actors.Interfaces;
using ActorBroker.Actors.Mpps;
using ActorBroker.Actors.Orders;
using ActorBroker.Actors.Reports;
using ActorBroker.Domain.Orders;
using ActorBroker.Domain.Sites;
using ActorBroker.Dicom.Mpps;
using ActorBroker.Hl7;
using Akka.Actor;

namespace ActorBroker.Actors.Exceptions;

/// <summary>
/// Replays a kept message once its cause is fixed (abctl exceptions replay ID): an HL7 message is parsed and
/// mapped again with today's site rules and applied straight to its orders (the inbound log would take an AA'd
/// message for a duplicate); an MPPS request goes to the study that holds its instance again. Every target recognises what it has
/// already applied, so a replay never applies anything twice. Outbound messages are retried from their outbox
/// (abctl interface retry), not from here.
/// </summary>
public sealed class ExceptionReplayer
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly IActorRef _orders;
    private readonly MppsRouter _mpps;
    private readonly Hl7CommandMapper _mapper;
    private readonly TimeProvider _time;

    public ExceptionReplayer(IActorRef orders, MppsRouter mpps, IActorRef orderIndex, SiteDirectory sites, TimeProvider time)
    {
        _orders = orders;
        _mpps = mpps;
        _mapper = new Hl7CommandMapper(sites, new ReportKeyResolver(orderIndex));
        _time = time;
    }

    public async Task<ReplayOutcome> ReplayAsync(ExceptionRecord record, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(record);
        var raw = Convert.FromBase64String(record.RawBase64);
        if (record.Source.StartsWith("hl7:", StringComparison.Ordinal))
        {
            return await ReplayHl7Async(raw, ct);
        }

        if (record.Source == MppsRefusal.ExceptionSource && record.MessageControlId is { Length: > 0 } uid)
        {
            var operation = record.MessageType == "N-SET" ? MppsOperation.Set : MppsOperation.Create;
            Dicom.Data.DicomDataset dataset;
            try
            {
                dataset = Dicom.Data.DicomDatasetReader.Read(raw, Dicom.Data.DicomTransferSyntax.ExplicitVRLittleEndian);
            }
            catch (Dicom.Data.DicomFormatException e)
            {
                return new ReplayOutcome("rejected", "the kept dataset cannot be read: " + e.Message);
            }

            var outcome = await _mpps.SendAsync(new MppsRequest(uid, operation, record.Remote ?? "", raw, _time.GetUtcNow()), dataset, ct);
            return outcome switch
            {
                MppsOutcome.Accepted => new ReplayOutcome("accepted", $"{record.MessageType} of MPPS {uid} accepted"),
                MppsOutcome.Refused r when r.Status == Dicom.Dimse.DicomStatus.DuplicateSOPInstance => new ReplayOutcome("duplicate", "the MPPS instance exists already"),
                MppsOutcome.Refused r => new ReplayOutcome("rejected", $"{r.Status.Code:X4} {r.ErrorComment}"),
                _ => new ReplayOutcome("failed", "unexpected answer"),
            };
        }

        return record.Source.StartsWith("outbound:", StringComparison.Ordinal)
            ? new ReplayOutcome("rejected", $"an outbound message is sent again from its outbox: abctl interface retry {record.Source["outbound:".Length..]} ID (see abctl interface show)")
            : new ReplayOutcome("rejected", $"messages from {record.Source} cannot be replayed from the exception store; send them again");
    }

    private async Task<ReplayOutcome> ReplayHl7Async(byte[] raw, CancellationToken ct)
    {
        Hl7Message message;
        try
        {
            message = Hl7Message.Parse(raw);
        }
        catch (Hl7Exception e)
        {
            return new ReplayOutcome("rejected", "still not HL7: " + e.Error.Message);
        }

        var (commands, error) = await _mapper.MapAsync(message, _time.GetUtcNow(), ct);
        if (error is not null)
        {
            return new ReplayOutcome("rejected", error.Message);
        }

        if (commands.Count == 0)
        {
            return new ReplayOutcome("rejected", $"{message.MessageType}^{message.TriggerEvent} maps to nothing the broker applies");
        }

        var outcomes = new List<OrderCommandResult>();
        foreach (var command in commands)
        {
            outcomes.Add(await _orders.Ask<OrderCommandResult>(command, Timeout, ct));
        }

        if (outcomes.FirstOrDefault(o => o.Outcome == OrderOutcome.Failed) is { } failed)
        {
            return new ReplayOutcome("failed", failed.FailureReason ?? "journal unavailable");
        }

        if (outcomes.FirstOrDefault(o => o.Outcome == OrderOutcome.Rejected) is { } rejected)
        {
            return new ReplayOutcome("rejected", rejected.Rejection?.Reason ?? "refused by the order");
        }

        return outcomes.All(o => o.Outcome == OrderOutcome.Duplicate)
            ? new ReplayOutcome("duplicate", "every order had applied this message already")
            : new ReplayOutcome("accepted", string.Join("; ", outcomes.Select(o => $"order {o.Key.Accession} at {o.Key.Site}: {o.State}")));
    }
}
