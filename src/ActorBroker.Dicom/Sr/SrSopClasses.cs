namespace ActorBroker.Dicom.Sr;

/// <summary>
/// The Structured Report storage SOP classes the broker turns into report text. Basic Text SR is
/// TEXT items in containers; Enhanced SR adds NUM with measurements and waveform/SCOORD
/// references; Comprehensive SR allows any relationship (by-reference included). The others
/// (Key Object Selection, dose reports, CAD, 3D) carry no dictated report.
/// </summary>
// DICOM PS3.4 B.5 (Standard SOP Classes), PS3.3 A.35.1-A.35.3 (Basic Text, Enhanced, Comprehensive SR IODs)
public static class SrSopClasses
{
    /// <summary>Basic Text SR Storage.</summary>
    public const string BasicText = "1.2.840.10008.5.1.4.1.1.88.11";

    /// <summary>Enhanced SR Storage.</summary>
    public const string Enhanced = "1.2.840.10008.5.1.4.1.1.88.22";

    /// <summary>Comprehensive SR Storage.</summary>
    public const string Comprehensive = "1.2.840.10008.5.1.4.1.1.88.33";

    /// <summary>The three, for an SCP's presentation contexts.</summary>
    public static IReadOnlyList<string> All { get; } = [BasicText, Enhanced, Comprehensive];

    public static bool IsSupported(string? sopClassUid) => NameOf(sopClassUid) is not null;

    /// <summary>"Basic Text SR", "Enhanced SR", "Comprehensive SR"; null for any other UID.</summary>
    public static string? NameOf(string? sopClassUid) => sopClassUid switch
    {
        BasicText => "Basic Text SR",
        Enhanced => "Enhanced SR",
        Comprehensive => "Comprehensive SR",
        _ => null,
    };
}
