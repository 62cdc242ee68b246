using System.Diagnostics.CodeAnalysis;
using ActorBroker.Domain.Orders;
using ActorBroker.Domain.Sites;
using ActorBroker.Hl7;

namespace ActorBroker.Domain.Mapping;

/// <summary>
/// What an inbound message means for the orders: either its site and one command per ORC/OBR
/// group (accession), or the one error that makes the whole message unacceptable (nothing of a
/// half-understood message is applied). The error carries the ERR content: code (table 0357),
/// location and text; UnsupportedMessageType/UnsupportedEventCode mean AR, anything else AE.
/// </summary>
public sealed class OrderMappingResult
{
    private OrderMappingResult(SiteRules? site, IReadOnlyList<IOrderCommand> commands, Hl7Error? error)
    {
        Site = site;
        Commands = commands;
        Error = error;
    }

    [MemberNotNullWhen(true, nameof(Site))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    /// <summary>The site the message belongs to (also set on a failure found after MSH-4 was resolved).</summary>
    public SiteRules? Site { get; }

    /// <summary>One command per order group, in message order; empty on failure.</summary>
    public IReadOnlyList<IOrderCommand> Commands { get; }

    public Hl7Error? Error { get; }

    public static OrderMappingResult Success(SiteRules site, IReadOnlyList<IOrderCommand> commands)
    {
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(commands);
        return new(site, commands, null);
    }

    public static OrderMappingResult Failure(Hl7Error error, SiteRules? site = null)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new(site, [], error);
    }

    public override string ToString() =>
        IsSuccess ? $"{Site.SiteId}: {string.Join(", ", Commands.Select(c => $"{c.GetType().Name} {c.Key.Accession}"))}" : $"error {Error}";
}
