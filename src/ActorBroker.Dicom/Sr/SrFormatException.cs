namespace ActorBroker.Dicom.Sr;

/// <summary>
/// A dataset that cannot be read as a report: not one of the SR SOP classes in
/// <see cref="SrSopClasses"/>, a Type 1 attribute missing (SOP Instance UID, Study Instance UID,
/// the root CONTAINER), or a content tree with no text at all. The message names the attribute
/// with its tag, so a Storage SCP can put it in the Error Comment of its C-STORE response.
/// </summary>
public sealed class SrFormatException : Exception
{
    public SrFormatException()
    {
    }

    public SrFormatException(string message)
        : base(message)
    {
    }

    public SrFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
