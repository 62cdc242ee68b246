using ActorBroker.Dicom.Data;

namespace ActorBroker.Dicom.Network.Negotiation;

/// <summary>
/// What an acceptor agrees to (PS3.8 7.1.1, PS3.7 D.3): who may call, which SOP classes in which
/// transfer syntaxes, and what we announce about ourselves.
/// </summary>
public sealed record AssociationPolicy
{
    /// <summary>
    /// 64 KiB: four times dcmtk's default (16 KiB), so a worklist response of a few kilobytes travels in
    /// one PDU, while a connection never buffers more than this (plus a 1 KiB tolerance) per PDU.
    /// </summary>
    public const uint DefaultMaxPduLength = 64 * 1024;

    /// <summary>Smallest maximum length we announce.</summary>
    public const uint MinMaxPduLength = 16 * 1024;

    /// <summary>Largest maximum length we announce.</summary>
    public const uint MaxMaxPduLength = 1024 * 1024;

    /// <summary>Our AE title: the Called AE title of a request must equal it (trimmed, case-sensitive), else A-ASSOCIATE-RJ reason 7.</summary>
    public string AETitle { get; init; } = "ACTORBROKER";

    /// <summary>Calling AE titles allowed (trimmed, case-sensitive), unless <see cref="AcceptAnyCallingAE"/>; else A-ASSOCIATE-RJ reason 3.</summary>
    public IReadOnlySet<string> AllowedCallingAETitles { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    public bool AcceptAnyCallingAE { get; init; }

    /// <summary>SOP classes we accept. Verification alone by default.</summary>
    public IReadOnlyList<SupportedAbstractSyntax> AbstractSyntaxes { get; init; } =
        [new SupportedAbstractSyntax(WellKnownUids.Verification)];

    /// <summary>Maximum length of P-DATA-TF variable fields we receive (PS3.8 D.1), between 16 KiB and 1 MiB.</summary>
    public uint MaxPduLength { get; init; } = DefaultMaxPduLength;

    public string ImplementationClassUid { get; init; } = DicomUid.ImplementationClassUid;

    public string ImplementationVersionName { get; init; } = DicomUid.ImplementationVersionName;

    public static AssociationPolicy Default { get; } = new();

    /// <summary>Throws when the policy cannot be announced on the wire.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(AETitle) || AETitle.Trim().Length > 16)
        {
            throw new ArgumentException($"AE title '{AETitle}' must have 1 to 16 characters.");
        }

        if (MaxPduLength is < MinMaxPduLength or > MaxMaxPduLength)
        {
            throw new ArgumentException($"MaxPduLength {MaxPduLength} is outside {MinMaxPduLength}..{MaxMaxPduLength}.");
        }

        if (ImplementationVersionName.Length is 0 or > 16)
        {
            throw new ArgumentException("Implementation version name must have 1 to 16 characters.");
        }
    }
}
