namespace ActorBroker.Domain.Mapping;

/// <summary>
/// HL7 priority (TQ1-9, ORC-7.6, OBR-27.6; table 0027) -> DICOM Requested Procedure Priority
/// (0040,1003), whose enumerated values are STAT, HIGH, ROUTINE, MEDIUM, LOW:
/// <code>
/// S  stat                          -> STAT
/// A  ASAP, P pre-op                -> HIGH     (both mean "before routine work")
/// R  routine, C callback           -> ROUTINE  (R is also HL7's default when none is sent)
/// T  timing critical, TS TM TH TD TW TL (timing critical within ...)  -> MEDIUM
/// PRN as needed                    -> LOW
/// </code>
/// An unknown code is an error rather than ROUTINE: silently downgrading a site's own "urgent"
/// code would be the worst possible default.
/// </summary>
// HL7 2.5.1 4.5.4.9 (TQ1-9) and table 0027; DICOM PS3.3 C.4.11 (Requested Procedure Priority)
internal static class PriorityTable
{
    public const string Stat = "STAT";
    public const string High = "HIGH";
    public const string Routine = "ROUTINE";
    public const string Medium = "MEDIUM";
    public const string Low = "LOW";

    public static bool TryMap(string hl7Priority, out string dicomPriority)
    {
        dicomPriority = hl7Priority.Trim().ToUpperInvariant() switch
        {
            "" or "R" or "C" => Routine,
            "S" => Stat,
            "A" or "P" => High,
            "T" or "TS" or "TM" or "TH" or "TD" or "TW" or "TL" => Medium,
            "PRN" => Low,
            _ => "",
        };
        return dicomPriority.Length > 0;
    }
}
