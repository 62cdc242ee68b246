using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ActorBroker.Host.Launch;

/// <summary>
/// Signs and verifies EHR image-launch links (the Epic-style "image link" an EHR opens in a browser):
/// <code>
/// GET /launch?site=SITE&amp;acc=ACCESSION[&amp;uid=STUDYUID][&amp;pid=PATIENTID]&amp;role=ROLE&amp;exp=UNIXSECONDS&amp;sig=SIGNATURE
/// </code>
/// The one definition of the signed form, shared by the EHR integration, the broker and any tool that mints links:
/// <list type="number">
/// <item>Read the query: split on "&amp;" (empty segments skipped), each segment on its first "=" (no "=" means an
/// empty value); decode name and value as application/x-www-form-urlencoded ("+" is a space, "%XX" a byte) into
/// UTF-8 text. Invalid percent-escapes, invalid UTF-8, raw non-ASCII characters, an empty or repeated name, or more
/// than <see cref="MaxParameters"/> parameters make the link <see cref="LaunchLinkStatus.Malformed"/>.</item>
/// <item>canonical = every parameter except sig (extra ones included: whatever the EHR sends is signed), each name
/// and value percent-encoded per RFC 3986 2.3 (the unreserved characters A-Z a-z 0-9 - . _ ~ stay, every other
/// UTF-8 byte becomes %XX with upper-case hex), sorted by encoded name (ordinal, i.e. byte order), as
/// "name=value" joined by "&amp;".</item>
/// <item>sig = base64url without padding (RFC 4648 5) of HMAC-SHA256(key, ASCII bytes of canonical) (RFC 2104).</item>
/// </list>
/// Because canonicalisation works on decoded values, how a value was escaped in transit (%20 or +, %2d or -) does
/// not matter; <see cref="BuildUrl"/> emits the query exactly as the canonical string plus sig.
/// Verification compares MACs in constant time and then requires site, acc, role and exp; exp (Unix seconds, UTC)
/// must satisfy now - skew &lt; exp &lt;= now + ttl + skew: ttl bounds how long a minted link may live, so a link
/// whose exp is further ahead is refused as too long-lived rather than trusted for longer.
/// Depends on the base class library only, so another project can compile or reference it.
/// </summary>
public static class LaunchLinkSigner
{
    public const string SiteParameter = "site";
    public const string AccessionParameter = "acc";
    public const string StudyUidParameter = "uid";
    public const string PatientIdParameter = "pid";
    public const string RoleParameter = "role";
    public const string ExpiresParameter = "exp";
    public const string SignatureParameter = "sig";

    /// <summary>A key given as "base64:..." is the decoded bytes; any other text is its UTF-8 bytes.</summary>
    public const string Base64KeyPrefix = "base64:";

    /// <summary>More parameters than this is not a link an EHR builds.</summary>
    public const int MaxParameters = 32;

    /// <summary>How far the EHR's clock may differ from the broker's, both for expiry and for the ttl bound.</summary>
    public static readonly TimeSpan DefaultClockSkew = TimeSpan.FromSeconds(30);

    private static readonly string[] Required = [SiteParameter, AccessionParameter, RoleParameter, ExpiresParameter];

    // DateTimeOffset.MaxValue in Unix seconds: a larger exp cannot be a real expiry.
    private const long MaxUnixSeconds = 253_402_300_799;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static readonly IReadOnlyDictionary<string, string> NoParameters = new Dictionary<string, string>();

    /// <summary>
    /// The key bytes of a configured signing key: empty text gives an empty key (launch disabled), "base64:..." the
    /// decoded bytes (for binary keys), anything else its UTF-8 bytes exactly (no trimming). A blank key or a bad or
    /// empty base64 payload is a <see cref="FormatException"/> whose message never contains the key.
    /// </summary>
    public static byte[] ParseKey(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            throw new FormatException("the signing key is only white space");
        }

        if (!text.StartsWith(Base64KeyPrefix, StringComparison.Ordinal))
        {
            return Encoding.UTF8.GetBytes(text);
        }

        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(text[Base64KeyPrefix.Length..]);
        }
        catch (FormatException)
        {
            throw new FormatException($"the signing key after '{Base64KeyPrefix}' is not valid base64");
        }

        return bytes.Length > 0 ? bytes : throw new FormatException($"the signing key after '{Base64KeyPrefix}' is empty");
    }

    /// <summary>RFC 3986 2.3 percent-encoding of the UTF-8 bytes of <paramref name="value"/> (unreserved characters stay).</summary>
    public static string PercentEncode(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        byte[] bytes;
        try
        {
            bytes = StrictUtf8.GetBytes(value);
        }
        catch (EncoderFallbackException e)
        {
            throw new ArgumentException("the value is not valid Unicode text (lone surrogate)", nameof(value), e);
        }

        var sb = new StringBuilder(bytes.Length);
        foreach (var b in bytes)
        {
            if (IsUnreserved(b))
            {
                sb.Append((char)b);
            }
            else
            {
                sb.Append('%').Append(HexUpper[b >> 4]).Append(HexUpper[b & 0xF]);
            }
        }

        return sb.ToString();
    }

    /// <summary>
    /// The canonical string of a link's parameters (sig, if present, left out). Throws <see cref="ArgumentException"/>
    /// for an empty or repeated name: such a link has no single meaning.
    /// </summary>
    public static string Canonicalize(IEnumerable<KeyValuePair<string, string>> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var encoded = new List<(string Name, string Value)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, value) in parameters)
        {
            if (string.IsNullOrEmpty(name))
            {
                throw new ArgumentException("a parameter name is empty", nameof(parameters));
            }

            if (!seen.Add(name))
            {
                throw new ArgumentException($"parameter '{name}' is given twice", nameof(parameters));
            }

            if (name != SignatureParameter)
            {
                encoded.Add((PercentEncode(name), PercentEncode(value ?? "")));
            }
        }

        encoded.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        return string.Join('&', encoded.Select(p => p.Name + "=" + p.Value));
    }

    /// <summary>The sig value (base64url, no padding) for these parameters (sig itself, if present, is ignored).</summary>
    public static string Sign(IEnumerable<KeyValuePair<string, string>> parameters, ReadOnlySpan<byte> key)
    {
        RequireKey(key);
        return Base64Url.EncodeToString(Mac(Canonicalize(parameters), key));
    }

    /// <summary>
    /// A complete signed link: <paramref name="baseUrl"/> (e.g. "https://broker.example.org/launch", without query or
    /// fragment), the parameters plus exp (Unix seconds of <paramref name="expiresAt"/>, fraction dropped) in canonical
    /// order and encoding, then sig. The parameters must not contain exp or sig.
    /// </summary>
    public static string BuildUrl(string baseUrl, IEnumerable<KeyValuePair<string, string>> parameters, ReadOnlySpan<byte> key, DateTimeOffset expiresAt)
    {
        ArgumentException.ThrowIfNullOrEmpty(baseUrl);
        ArgumentNullException.ThrowIfNull(parameters);
        RequireKey(key);
        if (baseUrl.Contains('?', StringComparison.Ordinal) || baseUrl.Contains('#', StringComparison.Ordinal))
        {
            throw new ArgumentException("the base URL must not have a query or fragment: every query parameter is signed", nameof(baseUrl));
        }

        var all = parameters.ToList();
        if (all.Any(p => p.Key is ExpiresParameter or SignatureParameter))
        {
            throw new ArgumentException($"'{ExpiresParameter}' and '{SignatureParameter}' are added by {nameof(BuildUrl)}", nameof(parameters));
        }

        all.Add(new(ExpiresParameter, expiresAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)));
        var canonical = Canonicalize(all);
        return $"{baseUrl}?{canonical}&{SignatureParameter}={Base64Url.EncodeToString(Mac(canonical, key))}";
    }

    /// <summary>
    /// Reads a raw query string (with or without the leading "?") as described in the type summary; false when it
    /// cannot be read unambiguously.
    /// </summary>
    public static bool TryParseQuery(string? query, out IReadOnlyDictionary<string, string> parameters)
    {
        parameters = NoParameters;
        var span = (query ?? "").AsSpan();
        if (span.StartsWith("?"))
        {
            span = span[1..];
        }

        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var range in span.Split('&'))
        {
            var segment = span[range];
            if (segment.IsEmpty)
            {
                continue;
            }

            var eq = segment.IndexOf('=');
            var rawName = eq < 0 ? segment : segment[..eq];
            ReadOnlySpan<char> rawValue = eq < 0 ? [] : segment[(eq + 1)..];
            if (result.Count == MaxParameters
                || !TryFormDecode(rawName, out var name)
                || name.Length == 0
                || !TryFormDecode(rawValue, out var value)
                || !result.TryAdd(name, value))
            {
                return false;
            }
        }

        parameters = result;
        return true;
    }

    /// <summary>Checks a raw query string received at /launch; see the type summary for the rules and their order.</summary>
    public static LaunchLinkResult Verify(string? query, ReadOnlySpan<byte> key, DateTimeOffset now, TimeSpan ttl, TimeSpan? clockSkew = null)
    {
        RequireKey(key);
        return TryParseQuery(query, out var parameters)
            ? Verify(parameters, key, now, ttl, clockSkew)
            : new LaunchLinkResult(LaunchLinkStatus.Malformed, null, NoParameters);
    }

    /// <summary>Checks already-decoded parameters (as <see cref="TryParseQuery"/> gives them).</summary>
    public static LaunchLinkResult Verify(IReadOnlyDictionary<string, string> parameters, ReadOnlySpan<byte> key, DateTimeOffset now, TimeSpan ttl, TimeSpan? clockSkew = null)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        RequireKey(key);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ttl, TimeSpan.Zero);
        var skew = clockSkew ?? DefaultClockSkew;
        ArgumentOutOfRangeException.ThrowIfLessThan(skew, TimeSpan.Zero, nameof(clockSkew));

        if (!parameters.TryGetValue(SignatureParameter, out var sig) || sig.Length == 0)
        {
            return new LaunchLinkResult(LaunchLinkStatus.MissingSignature, null, parameters);
        }

        byte[] presented;
        try
        {
            presented = Base64Url.DecodeFromChars(sig);
        }
        catch (FormatException)
        {
            return new LaunchLinkResult(LaunchLinkStatus.Malformed, null, parameters);
        }

        string canonical;
        try
        {
            canonical = Canonicalize(parameters);
        }
        catch (ArgumentException)
        {
            // Only reachable through this overload with a caller-built dictionary (empty name, lone surrogate).
            return new LaunchLinkResult(LaunchLinkStatus.Malformed, null, parameters);
        }

        // FixedTimeEquals: the time taken must not tell an attacker how many leading bytes were right.
        if (!CryptographicOperations.FixedTimeEquals(Mac(canonical, key), presented))
        {
            return new LaunchLinkResult(LaunchLinkStatus.BadSignature, null, parameters);
        }

        foreach (var name in Required)
        {
            if (!parameters.TryGetValue(name, out var v) || v.Length == 0)
            {
                return new LaunchLinkResult(LaunchLinkStatus.MissingParameter, null, parameters, name);
            }
        }

        var exp = parameters[ExpiresParameter];
        if (exp.Length > 18 || !exp.All(char.IsAsciiDigit) || !long.TryParse(exp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return new LaunchLinkResult(LaunchLinkStatus.Malformed, null, parameters);
        }

        if (seconds > MaxUnixSeconds)
        {
            return new LaunchLinkResult(LaunchLinkStatus.TooLongLived, null, parameters);
        }

        var expiresAt = DateTimeOffset.FromUnixTimeSeconds(seconds);
        if (expiresAt + skew <= now)
        {
            return new LaunchLinkResult(LaunchLinkStatus.Expired, null, parameters);
        }

        if (expiresAt > now + ttl + skew)
        {
            return new LaunchLinkResult(LaunchLinkStatus.TooLongLived, null, parameters);
        }

        var link = new LaunchLink(
            parameters[SiteParameter],
            parameters[AccessionParameter],
            EmptyAsNull(parameters, StudyUidParameter),
            EmptyAsNull(parameters, PatientIdParameter),
            parameters[RoleParameter],
            expiresAt);
        return new LaunchLinkResult(LaunchLinkStatus.Valid, link, parameters);
    }

    private const string HexUpper = "0123456789ABCDEF";

    private static string? EmptyAsNull(IReadOnlyDictionary<string, string> parameters, string name) =>
        parameters.TryGetValue(name, out var v) && v.Length > 0 ? v : null;

    // RFC 3986 2.3: ALPHA / DIGIT / "-" / "." / "_" / "~"
    private static bool IsUnreserved(byte b) =>
        b is >= (byte)'A' and <= (byte)'Z' or >= (byte)'a' and <= (byte)'z' or >= (byte)'0' and <= (byte)'9' or (byte)'-' or (byte)'.' or (byte)'_' or (byte)'~';

    private static byte[] Mac(string canonical, ReadOnlySpan<byte> key) =>
        HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(canonical));

    private static void RequireKey(ReadOnlySpan<byte> key)
    {
        if (key.IsEmpty)
        {
            throw new ArgumentException("an empty signing key signs nothing: launch links must be signed", nameof(key));
        }
    }

    // application/x-www-form-urlencoded decoding (WHATWG URL 5.1), strict: a "%" not followed by two hex digits,
    // a raw non-ASCII character or bytes that are not UTF-8 fail instead of being passed through or replaced.
    private static bool TryFormDecode(ReadOnlySpan<char> raw, out string value)
    {
        value = "";
        var bytes = new byte[raw.Length];
        var n = 0;
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            if (c == '%')
            {
                if (i + 2 >= raw.Length || !char.IsAsciiHexDigit(raw[i + 1]) || !char.IsAsciiHexDigit(raw[i + 2]))
                {
                    return false;
                }

                bytes[n++] = (byte)((HexValue(raw[i + 1]) << 4) | HexValue(raw[i + 2]));
                i += 2;
            }
            else if (c == '+')
            {
                bytes[n++] = (byte)' ';
            }
            else if (c < 0x80)
            {
                bytes[n++] = (byte)c;
            }
            else
            {
                return false;
            }
        }

        try
        {
            value = StrictUtf8.GetString(bytes, 0, n);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}
