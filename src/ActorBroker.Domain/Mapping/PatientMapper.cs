using System.Globalization;
using ActorBroker.Domain.Orders;
using ActorBroker.Domain.Sites;
using ActorBroker.Hl7;

namespace ActorBroker.Domain.Mapping;

/// <summary>
/// PID -> <see cref="PatientIdentity"/> with the site's rules.
/// Patient ID: the PID-3 repetition whose assigning authority (CX-4.1) is the site's
/// PatientIdIssuer (ignoring case), the others are Other Patient IDs. When the site names an
/// issuer and no repetition has it, that is an error, not "take the first": the first may be
/// another facility's number, and a worklist entry under the wrong patient id is how images end
/// up on the wrong patient. With no issuer configured the first repetition is the Patient ID.
/// Name: the PID-5 repetition with name type L (legal), else the first, as DICOM PN (XPN's
/// suffix^prefix become PN's prefix^suffix). Birth date: PID-7 as DA when it has at least a day.
/// Sex: HL7 table 0001 -> DICOM M, F, O; U (unknown) and any local code -> "" (unknown).
/// </summary>
// HL7 2.5.1 3.4.2 (PID-3, -5, -7, -8), 2A.14 CX, 2A.88 XPN; DICOM PS3.3 C.7.1.1, PS3.5 6.2 PN
internal static class PatientMapper
{
    public static PatientIdentity Map(Pid pid, SiteRules site)
    {
        var segment = pid.Segment;
        var ids = pid.PatientIdentifiers.Where(cx => cx.Id.Length > 0).ToList();
        if (ids.Count == 0)
        {
            throw Error(Hl7ErrorCode.RequiredFieldMissing, segment.LocationOf(3), "PID-3 (patient identifier list) is empty");
        }

        Hl7Cx chosen;
        if (site.PatientIdIssuer.Length == 0)
        {
            chosen = ids[0];
        }
        else
        {
            chosen = ids.FirstOrDefault(cx => string.Equals(cx.AssigningAuthority, site.PatientIdIssuer, StringComparison.OrdinalIgnoreCase))
                     ?? throw Error(
                         Hl7ErrorCode.RequiredFieldMissing,
                         segment.LocationOf(3),
                         $"PID-3 has no identifier from assigning authority '{site.PatientIdIssuer}' (site {site.SiteId}'s patient-id-issuer); it has {string.Join(", ", ids.Select(Describe))}");
        }

        var others = ids
            .Where(cx => !ReferenceEquals(cx, chosen) && !(cx.Id == chosen.Id && cx.AssigningAuthority == chosen.AssigningAuthority))
            .Select(cx => new OtherPatientId(cx.Id, cx.AssigningAuthority))
            .Distinct()
            .ToList();

        return new PatientIdentity(
            chosen.Id,
            chosen.AssigningAuthority,
            others,
            Name(pid),
            BirthDate(pid),
            Sex(pid.Sex));
    }

    /// <summary>HL7 table 0001 -> DICOM Patient's Sex (0010,0040) defined terms M, F, O.</summary>
    // HL7 2.5.1 table 0001 (F, M, O, U, A, N; X from 2.9); DICOM PS3.3 C.7.1.1 Patient's Sex
    public static string Sex(string hl7Sex) => hl7Sex.Trim().ToUpperInvariant() switch
    {
        "M" => "M",
        "F" => "F",
        "O" or "A" or "N" or "X" => "O",
        _ => "",
    };

    private static string Name(Pid pid)
    {
        var segment = pid.Segment;
        var count = segment.RepetitionCount(5);
        for (var r = 1; r <= count; r++)
        {
            if (string.Equals(segment.Get(5, 7, 1, r), "L", StringComparison.OrdinalIgnoreCase))
            {
                return pid.PatientNames[r - 1].ToDicomPn();
            }
        }

        return pid.PatientName.ToDicomPn();
    }

    private static string BirthDate(Pid pid)
    {
        var raw = pid.DateOfBirth.Trim();
        if (raw.Length == 0 || raw == "\"\"")
        {
            return "";
        }

        if (!Hl7Timestamp.TryParse(raw, out var ts))
        {
            throw Error(Hl7ErrorCode.DataTypeError, pid.Segment.LocationOf(7), $"PID-7 (date of birth) '{raw}' is not a valid HL7 date");
        }

        // DICOM DA cannot say "1970" or "1970-02": a partial date is an unknown one.
        return ts.Precision >= Hl7TimestampPrecision.Day ? ts.Local.ToString("yyyyMMdd", CultureInfo.InvariantCulture) : "";
    }

    private static string Describe(Hl7Cx cx) => cx.AssigningAuthority.Length > 0 ? $"{cx.Id} ({cx.AssigningAuthority})" : $"{cx.Id} (no authority)";

    private static Hl7Exception Error(Hl7ErrorCode code, Hl7Location location, string text) => new(new Hl7Error(code, location, text));
}
