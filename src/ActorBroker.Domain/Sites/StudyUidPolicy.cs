namespace ActorBroker.Domain.Sites;

/// <summary>What to do with a new order that carries no Study Instance UID (no ZDS-1, no IPC-3).</summary>
public enum StudyUidPolicy
{
    /// <summary>Refuse the order (AE): the EHR must send the UID (IHE RAD-4 says the DSS/OF assigns it).</summary>
    Reject,

    /// <summary>A random UUID-derived UID; a resent NW gets the UID already stored, not a new one.</summary>
    Generate,

    /// <summary>A UID derived from site and accession (name-based UUID): the same every time, on every node.</summary>
    DeriveFromAccession,
}
