namespace ActorBroker.Dicom.CharacterSets;

/// <summary>
/// One Defined Term of Specific Character Set (PS3.3 C.12.1.1.2, Tables C.12-2 to C.12-5): the graphic sets
/// it puts in G0/G1, or, for ISO_IR 192 / GB18030 / GBK, the whole-value encoding (no code extensions).
/// </summary>
internal sealed class CharacterSetTerm
{
    private static readonly Dictionary<string, CharacterSetTerm> ByTerm = Build();

    private CharacterSetTerm(string definedTerm, GraphicSet? g0, GraphicSet? g1, int wholeCodePage = 0)
    {
        DefinedTerm = definedTerm;
        G0 = g0;
        G1 = g1;
        WholeCodePage = wholeCodePage;
    }

    public string DefinedTerm { get; }

    /// <summary>"ISO 2022 ..." terms: used with escape sequences (PS3.5 6.1.2.5).</summary>
    public bool IsCodeExtension => DefinedTerm.StartsWith("ISO 2022", StringComparison.Ordinal);

    public GraphicSet? G0 { get; }

    public GraphicSet? G1 { get; }

    /// <summary>65001 (ISO_IR 192), 54936 (GB18030), 936 (GBK): the value is one encoding, not ISO 2022; else 0.</summary>
    public int WholeCodePage { get; }

    public static IReadOnlyCollection<string> KnownTerms => ByTerm.Keys;

    public static CharacterSetTerm Default => ByTerm[""];

    public static CharacterSetTerm? Find(string term) => ByTerm.GetValueOrDefault(term);

    private static Dictionary<string, CharacterSetTerm> Build()
    {
        var d = new Dictionary<string, CharacterSetTerm>(StringComparer.Ordinal);
        void Add(CharacterSetTerm t) => d.Add(t.DefinedTerm, t);

        var ascii = GraphicSet.Ascii;
        Add(new("", ascii, null));
        // Not a Defined Term of the standard, but common in the wild for the default repertoire.
        Add(new("ISO_IR 6", ascii, null));
        Add(new("ISO 2022 IR 6", ascii, null));

        // Single-byte sets: ISO_IR nnn without extensions, ISO 2022 IR nnn with (same G0/G1). PS3.3 Table C.12-2/3.
        (int Ir, int CodePage, char Final)[] latin =
        [
            (100, 28591, 'A'), // Latin alphabet No. 1
            (101, 28592, 'B'), // Latin alphabet No. 2
            (109, 28593, 'C'), // Latin alphabet No. 3
            (110, 28594, 'D'), // Latin alphabet No. 4
            (144, 28595, 'L'), // Cyrillic
            (127, 28596, 'G'), // Arabic
            (126, 28597, 'F'), // Greek
            (138, 28598, 'H'), // Hebrew
            (148, 28599, 'M'), // Latin alphabet No. 5 (Turkish)
            (203, 28605, 'b'), // Latin alphabet No. 9
            (166, 874, 'T'),   // Thai (TIS 620; only A0H-FFH used, see GraphicSet)
        ];
        foreach (var (ir, cp, final) in latin)
        {
            var set = GraphicSet.Latin($"ISO-IR {ir}", cp, final);
            Add(new($"ISO_IR {ir}", ascii, set));
            Add(new($"ISO 2022 IR {ir}", ascii, set));
        }

        // Japanese: JIS X 0201 (G0 Romaji, G1 Katakana) and the multi-byte sets. PS3.3 Table C.12-4.
        Add(new("ISO_IR 13", GraphicSet.Romaji, GraphicSet.Katakana));
        Add(new("ISO 2022 IR 13", GraphicSet.Romaji, GraphicSet.Katakana));
        Add(new("ISO 2022 IR 87", GraphicSet.JisX0208, null));
        Add(new("ISO 2022 IR 159", GraphicSet.JisX0212, null));
        // Korean and simplified Chinese in G1.
        Add(new("ISO 2022 IR 149", null, GraphicSet.KsX1001));
        Add(new("ISO 2022 IR 58", null, GraphicSet.Gb2312));

        // Without code extensions, PS3.3 Table C.12-5.
        Add(new("ISO_IR 192", null, null, 65001));
        Add(new("GB18030", null, null, 54936));
        Add(new("GBK", null, null, 936));
        return d;
    }

    public override string ToString() => DefinedTerm;
}
