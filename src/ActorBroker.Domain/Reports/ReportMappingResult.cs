using System.Diagnostics.CodeAnalysis;
using ActorBroker.Domain.Sites;
using ActorBroker.Hl7;

namespace ActorBroker.Domain.Reports;

/// <summary>
/// What an inbound ORU^R01 means: its site and one report per OBR group, or the one error that
/// makes the whole message unacceptable (as for orders, nothing of a half-understood message is
/// applied). The error carries the ERR content; UnsupportedMessageType/UnsupportedEventCode mean
/// AR, anything else AE.
/// </summary>
public sealed class ReportMappingResult
{
    private ReportMappingResult(SiteRules? site, IReadOnlyList<InboundReport> reports, Hl7Error? error)
    {
        Site = site;
        Reports = reports;
        Error = error;
    }

    [MemberNotNullWhen(true, nameof(Site))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    /// <summary>The site the message belongs to (also set on a failure found after MSH-4 was resolved).</summary>
    public SiteRules? Site { get; }

    /// <summary>One report per OBR group, in message order; empty on failure.</summary>
    public IReadOnlyList<InboundReport> Reports { get; }

    public Hl7Error? Error { get; }

    public static ReportMappingResult Success(SiteRules site, IReadOnlyList<InboundReport> reports)
    {
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(reports);
        return new(site, reports, null);
    }

    public static ReportMappingResult Failure(Hl7Error error, SiteRules? site = null)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new(site, [], error);
    }

    public override string ToString() =>
        IsSuccess ? $"{Site.SiteId}: {string.Join("; ", Reports.Select(r => $"{r.Report.ResultStatus} {r.Match}"))}" : $"error {Error}";
}
