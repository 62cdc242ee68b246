namespace ActorBroker.Domain.Sites;

/// <summary>
/// Assigns a Scheduled Station AE Title to orders that do not name one: orders of this modality
/// (and, when Location is set, whose patient location's point of care, PV1-3.1, is Location,
/// ignoring case) go to AeTitle.
/// </summary>
public sealed record StationRule(string Modality, string? Location, string AeTitle);
