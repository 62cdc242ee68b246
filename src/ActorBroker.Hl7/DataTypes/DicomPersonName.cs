namespace ActorBroker.Hl7;

/// <summary>Builds a DICOM PN value from name parts.</summary>
// DICOM PS3.5 6.2 (PN: family^given^middle^prefix^suffix, trailing empty components omitted)
internal static class DicomPersonName
{
    public static string Format(string family, string given, string middle, string prefix, string suffix)
    {
        ReadOnlySpan<string> parts = [family, given, middle, prefix, suffix];
        var last = parts.Length - 1;
        while (last >= 0 && parts[last].Length == 0)
        {
            last--;
        }

        return last < 0 ? string.Empty : string.Join('^', parts[..(last + 1)]!);
    }
}
