namespace ActorBroker.Dicom.Sr;

/// <summary>A coded entry (Code Value, Coding Scheme Designator, Code Meaning), e.g. (121071, DCM, "Finding").</summary>
// DICOM PS3.3 8.8 (Code Sequence Macro); Long Code Value and URN Code Value stand in for Code Value when it is absent
public sealed record SrCode(string Value, string Scheme, string Meaning)
{
    /// <summary>The meaning when there is one, else the code value: what a reader of the report should see.</summary>
    public string Display => Meaning.Length > 0 ? Meaning : Value;

    public bool Is(string value, string scheme) =>
        string.Equals(Value, value, StringComparison.Ordinal) && string.Equals(Scheme, scheme, StringComparison.OrdinalIgnoreCase);

    public override string ToString() => $"({Value}, {Scheme}, \"{Meaning}\")";
}
