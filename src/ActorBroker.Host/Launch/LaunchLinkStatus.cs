namespace ActorBroker.Host.Launch;

/// <summary>
/// The outcome of checking a launch link, in the order <see cref="LaunchLinkSigner.Verify(string, ReadOnlySpan{byte}, DateTimeOffset, TimeSpan, TimeSpan?)"/>
/// checks: the query must parse, carry a signature, the signature must match, then the signed content
/// must be complete and live. Everything but <see cref="Valid"/> is a refusal (HTTP 401 at /launch).
/// </summary>
public enum LaunchLinkStatus
{
    /// <summary>Signed with the key, complete, and exp within (now - skew, now + ttl + skew].</summary>
    Valid,

    /// <summary>No sig parameter, or an empty one: an unsigned link is never accepted.</summary>
    MissingSignature,

    /// <summary>The signature is well-formed base64url but is not the HMAC of these parameters with this key (altered or foreign link).</summary>
    BadSignature,

    /// <summary>Signed, but exp (plus the clock-skew allowance) is not after now.</summary>
    Expired,

    /// <summary>Signed, but exp lies further ahead than ttl (plus skew): the EHR minted a link that would live too long.</summary>
    TooLongLived,

    /// <summary>
    /// The query cannot be read unambiguously: bad percent-encoding or UTF-8, an empty or repeated parameter name,
    /// too many parameters, a sig that is not base64url, or (once signed) an exp that is not Unix seconds.
    /// </summary>
    Malformed,

    /// <summary>Signed, but one of site, acc, role, exp is absent or empty (<see cref="LaunchLinkResult.MissingParameter"/> says which).</summary>
    MissingParameter,
}
