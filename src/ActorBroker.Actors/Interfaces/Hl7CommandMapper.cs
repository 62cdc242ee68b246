using ActorBroker.Actors.Reports;
using ActorBroker.Domain.Mapping;
using ActorBroker.Domain.Orders;
using ActorBroker.Domain.Reports;
using ActorBroker.Domain.Sites;
using ActorBroker.Hl7;

namespace ActorBroker.Actors.Interfaces;

/// <summary>
/// An inbound HL7 message -> the order commands it asks for, or the error for its negative ACK: orders and patient
/// messages through <see cref="Hl7OrderMapper"/>, ORU^R01 through <see cref="Hl7ReportMapper"/> with each report tied
/// to its order (by accession, else placer, filler or study through the order index). One place for the listener's
/// handler and for the replay of a kept message.
/// </summary>
public sealed class Hl7CommandMapper
{
    private readonly SiteDirectory _sites;
    private readonly ReportKeyResolver _reports;

    public Hl7CommandMapper(SiteDirectory sites, ReportKeyResolver reports)
    {
        _sites = sites;
        _reports = reports;
    }

    public async Task<(IReadOnlyList<IOrderCommand> Commands, Hl7Error? Error)> MapAsync(Hl7Message message, DateTimeOffset receivedAt, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!string.Equals(message.MessageType, "ORU", StringComparison.Ordinal))
        {
            var mapped = Hl7OrderMapper.Map(message, _sites, receivedAt);
            return mapped.IsSuccess ? (mapped.Commands, null) : ([], mapped.Error!);
        }

        // ORU^R01 (HL7 2.5.1 7.3.1): one report per OBR group, each tied to its order before the message is logged,
        // so the log holds commands for known keys only. A report naming an accession needs no lookup (its order may
        // not exist yet: the entity keeps the report until the NW); one without goes by placer, filler or study.
        var reports = Hl7ReportMapper.Map(message, _sites, receivedAt);
        if (!reports.IsSuccess)
        {
            return ([], reports.Error!);
        }

        var commands = new List<IOrderCommand>(reports.Reports.Count);
        foreach (var report in reports.Reports)
        {
            var (key, problem) = await _reports.ResolveAsync(report.Match, ct);
            if (key is null)
            {
                return ([], new Hl7Error(Hl7ErrorCode.UnknownKeyIdentifier, new Hl7Location("OBR", report.OrderGroup, 3), problem!));
            }

            commands.Add(report.ToCommand(key));
        }

        return (commands, null);
    }
}
