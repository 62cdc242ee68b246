namespace ActorBroker.Host.Launch;

/// <summary>
/// What a verified launch link asks for: the study of order (Site, Accession), opened for an EHR user in Role.
/// StudyUid and PatientId are optional in the link (null when absent or empty).
/// </summary>
public sealed record LaunchLink(
    string Site,
    string Accession,
    string? StudyUid,
    string? PatientId,
    string Role,
    DateTimeOffset ExpiresAt);
