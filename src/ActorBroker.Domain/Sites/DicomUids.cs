using System.Numerics;
using System.Security.Cryptography;
using System.Text;

namespace ActorBroker.Domain.Sites;

/// <summary>
/// DICOM UID syntax and the two ways the broker makes a Study Instance UID: from a random UUID,
/// or from a name-based (version 5, SHA-1) UUID of "site|accession", each written as
/// root.&lt;decimal of the 128-bit value&gt;. Under the root 2.25 that is exactly the UUID-derived
/// UID form of PS3.5 B.2; under an organisation's own root the value is cut (modulo a power of
/// ten) to what fits in 64 characters, keeping at least 20 digits (about 66 bits).
/// </summary>
// DICOM PS3.5 9.1 (UID encoding rules), B.2 (UUID-derived UIDs, ITU-T X.667 / RFC 4122 5.3 name-based UUID)
public static class DicomUids
{
    public const int MaxLength = 64;
    public const string UuidRoot = "2.25";

    /// <summary>Fewest digits a made-up UID keeps, so a long root cannot make collisions likely.</summary>
    public const int MinimumSuffixDigits = 20;

    // The broker's UUID namespace for derived Study UIDs (fixed forever: changing it changes every derived UID).
    private static readonly byte[] StudyNamespace = Guid.Parse("e65fbbd7-b6ab-4f3e-bb7c-41873beb3e23").ToByteArray(bigEndian: true);

    /// <summary>Digits and dots, 1..64 characters, no empty component, no leading zero in a component other than "0".</summary>
    public static bool IsValid(string? uid)
    {
        if (string.IsNullOrEmpty(uid) || uid.Length > MaxLength)
        {
            return false;
        }

        var componentStart = 0;
        for (var i = 0; i <= uid.Length; i++)
        {
            if (i == uid.Length || uid[i] == '.')
            {
                var length = i - componentStart;
                if (length == 0 || (length > 1 && uid[componentStart] == '0'))
                {
                    return false;
                }

                componentStart = i + 1;
            }
            else if (uid[i] is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Checks that a root leaves room for <see cref="MinimumSuffixDigits"/> digits; throws with the reason otherwise.</summary>
    public static string CheckRoot(string root)
    {
        if (!IsValid(root))
        {
            throw new ArgumentException($"UID root '{root}' is not a valid DICOM UID (digits and dots, no leading zeros)", nameof(root));
        }

        if (root.Length + 1 + MinimumSuffixDigits > MaxLength)
        {
            throw new ArgumentException($"UID root '{root}' is {root.Length} characters; at most {MaxLength - 1 - MinimumSuffixDigits} leave room for a unique suffix in 64", nameof(root));
        }

        return root;
    }

    /// <summary>The UID for this site's accession: the same on every call, node and restart.</summary>
    public static string DeriveStudyUid(string root, string site, string accession)
    {
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(accession);
        var name = Encoding.UTF8.GetBytes(site + "|" + accession);
        var input = new byte[StudyNamespace.Length + name.Length];
        StudyNamespace.CopyTo(input, 0);
        name.CopyTo(input, StudyNamespace.Length);
#pragma warning disable CA5350 // SHA-1 is what RFC 4122 prescribes for version 5 UUIDs; this is naming, not security.
        var hash = SHA1.HashData(input);
#pragma warning restore CA5350
        var uuid = hash.AsSpan(0, 16).ToArray();
        uuid[6] = (byte)((uuid[6] & 0x0F) | 0x50); // version 5
        uuid[8] = (byte)((uuid[8] & 0x3F) | 0x80); // RFC 4122 variant
        return FromUuid(root, uuid);
    }

    /// <summary>A UID from a (random) UUID.</summary>
    public static string FromGuid(string root, Guid guid) => FromUuid(root, guid.ToByteArray(bigEndian: true));

    private static string FromUuid(string root, byte[] bigEndianUuid)
    {
        CheckRoot(root);
        var value = new BigInteger(bigEndianUuid, isUnsigned: true, isBigEndian: true);
        var digits = MaxLength - root.Length - 1;
        if (digits < 39)
        {
            value %= BigInteger.Pow(10, digits);
        }

        // BigInteger's decimal form has no leading zeros, so the component is valid as it is.
        return root + "." + value.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
