using System.Diagnostics.CodeAnalysis;

namespace ActorBroker.Dicom.CharacterSets;

/// <summary>The Defined Terms of Specific Character Set this library knows (PS3.3 C.12.1.1.2).</summary>
public static class DicomCharacterSets
{
    /// <summary>All known Defined Terms ("" is the default repertoire).</summary>
    public static IReadOnlyCollection<string> DefinedTerms => CharacterSetTerm.KnownTerms;

    /// <summary>The character set for one Defined Term (e.g. "ISO_IR 144"), or false when unknown.</summary>
    public static bool TryGet(string definedTerm, [NotNullWhen(true)] out DicomCharacterSet? characterSet)
    {
        characterSet = null;
        if (definedTerm is null) return false;
        var trimmed = definedTerm.Trim();
        if (CharacterSetTerm.Find(trimmed) is null) return false;
        characterSet = DicomCharacterSet.Parse(trimmed);
        return true;
    }

    /// <summary>True when every value of a (0008,0005) value is a known Defined Term.</summary>
    public static bool IsSupported(string specificCharacterSet) =>
        DicomCharacterSet.Parse(specificCharacterSet).UnknownTerms.Count == 0;
}
