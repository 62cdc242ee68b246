using System.Globalization;
using System.Text.Unicode;

namespace ActorBroker.LoadGen;

/// <summary>
/// The identity of pair <c>i</c> of an MPPS run, shared by the order that schedules it and the MPPS that
/// performs it: accession = prefix + 8-digit number (number = first + i), placer = "P" + accession (at most 15 characters),
/// Study Instance UID = the built-in template's root + a number derived from the prefix + the number.
/// Deterministic, so orders sent by one run and MPPS sent by another (same prefix and numbers) meet.
/// </summary>
internal sealed class MppsNumbering
{
    // 6 + 8 digits: the accession fits DICOM SH (16) and the placer ("P" + accession) the 16 of older HL7 EI.1.
    private const int MaxPrefix = 6;

    public MppsNumbering(string prefix, int first)
    {
        Validate(prefix, first, 1);
        Prefix = prefix;
        First = first;
        PrefixCode = Code(prefix);
    }

    public string Prefix { get; }

    public int First { get; }

    /// <summary>The prefix as a UID component (digits, no leading zero).</summary>
    public uint PrefixCode { get; }

    /// <summary>Accessions are DICOM SH and HL7 components: letters and digits only.</summary>
    public static void Validate(string prefix, int first, int pairs)
    {
        if (prefix.Length > MaxPrefix || !prefix.All(char.IsAsciiLetterOrDigit))
        {
            throw new ArgumentException($"--accession-prefix must be at most {MaxPrefix} ASCII letters or digits");
        }

        if ((long)first + pairs > 99_999_999)
        {
            throw new ArgumentException("--first-number + --pairs must stay below 10^8");
        }
    }

    public string Accession(int pair) => string.Create(CultureInfo.InvariantCulture, $"{Prefix}{First + pair:D8}");

    public string Placer(int pair) => "P" + Accession(pair);

    public string StudyUid(int pair) => string.Create(CultureInfo.InvariantCulture, $"{MessageTemplate.UidRoot}.77.{PrefixCode}.{First + pair + 1}");

    public bool TryWriteAccession(Span<byte> destination, int pair, out int written) =>
        Utf8.TryWrite(destination, CultureInfo.InvariantCulture, $"{Prefix}{First + pair:D8}", out written);

    public bool TryWritePlacer(Span<byte> destination, int pair, out int written) =>
        Utf8.TryWrite(destination, CultureInfo.InvariantCulture, $"P{Prefix}{First + pair:D8}", out written);

    public bool TryWriteStudyUid(Span<byte> destination, int pair, out int written) =>
        Utf8.TryWrite(destination, CultureInfo.InvariantCulture, $"{MessageTemplate.UidRoot}.77.{PrefixCode}.{First + pair + 1}", out written);

    // FNV-1a of the upper-cased prefix (the broker upper-cases accessions), folded to 1..999999.
    private static uint Code(string prefix)
    {
        var hash = 2166136261u;
        foreach (var c in prefix.ToUpperInvariant())
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (hash % 999_999) + 1;
    }
}
