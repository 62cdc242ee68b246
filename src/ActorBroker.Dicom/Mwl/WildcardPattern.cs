namespace ActorBroker.Dicom.Mwl;

/// <summary>PS3.4 C.2.2.2.4 Wild Card Matching: '*' any run of characters (also none), '?' exactly one.</summary>
internal static class WildcardPattern
{
    public static bool HasWildcard(string value) => value.AsSpan().IndexOfAny('*', '?') >= 0;

    // Iterative glob match with single-star backtracking: O(n*m) worst case, no recursion, no allocation.
    public static bool IsMatch(ReadOnlySpan<char> pattern, ReadOnlySpan<char> text)
    {
        int p = 0, t = 0, starP = -1, starT = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || pattern[p] == text[t]))
            {
                p++;
                t++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                starP = p++;
                starT = t;
            }
            else if (starP >= 0)
            {
                p = starP + 1;
                t = ++starT;
            }
            else
            {
                return false;
            }
        }
        while (p < pattern.Length && pattern[p] == '*') p++;
        return p == pattern.Length;
    }
}
