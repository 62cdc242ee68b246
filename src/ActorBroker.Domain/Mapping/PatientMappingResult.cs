using System.Diagnostics.CodeAnalysis;
using ActorBroker.Domain.Patients;
using ActorBroker.Domain.Sites;
using ActorBroker.Hl7;

namespace ActorBroker.Domain.Mapping;

/// <summary>What an ADT message means for a site's patients: commands, or the one error that refuses it.</summary>
public sealed class PatientMappingResult
{
    private PatientMappingResult(SiteRules? site, IReadOnlyList<IPatientCommand> commands, Hl7Error? error)
    {
        Site = site;
        Commands = commands;
        Error = error;
    }

    [MemberNotNullWhen(true, nameof(Site))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    public SiteRules? Site { get; }

    public IReadOnlyList<IPatientCommand> Commands { get; }

    public Hl7Error? Error { get; }

    public static PatientMappingResult Success(SiteRules site, IReadOnlyList<IPatientCommand> commands)
    {
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(commands);
        return new(site, commands, null);
    }

    public static PatientMappingResult Failure(Hl7Error error, SiteRules? site = null)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new(site, [], error);
    }
}
