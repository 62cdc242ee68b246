using System.Numerics;

namespace ActorBroker.Dicom.Data;

/// <summary>UID helpers (PS3.5 9): the broker's implementation identity and generation of new UIDs.</summary>
public static class DicomUid
{
    /// <summary>
    /// Implementation Class UID of ActorBroker (PS3.7 D.3.3.2, PS3.10 7.1): a 2.25 UUID-derived UID
    /// (PS3.5 B.2), fixed so peers' logs identify us across versions.
    /// </summary>
    public const string ImplementationClassUid = "2.25.147690874764324328444241925377209573139";

    /// <summary>Implementation Version Name (SH, at most 16 characters).</summary>
    public const string ImplementationVersionName = "ACTORBROKER_1";

    /// <summary>A new UID under 2.25 from a random UUID (PS3.5 B.2): no registered root needed, at most 44 characters.</summary>
    public static string Generate()
    {
        var bytes = Guid.NewGuid().ToByteArray(bigEndian: true);
        return "2.25." + new BigInteger(bytes, isUnsigned: true, isBigEndian: true).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>PS3.5 9.1: digits and dots, 1 to 64 characters, no empty component, no leading zero in a component.</summary>
    public static bool IsValid(string? uid)
    {
        if (string.IsNullOrEmpty(uid) || uid.Length > 64) return false;
        var componentStart = 0;
        for (var i = 0; i <= uid.Length; i++)
        {
            if (i == uid.Length || uid[i] == '.')
            {
                var len = i - componentStart;
                if (len == 0) return false;
                if (len > 1 && uid[componentStart] == '0') return false;
                componentStart = i + 1;
            }
            else if (uid[i] is < '0' or > '9')
            {
                return false;
            }
        }
        return true;
    }
}
