using ActorBroker.Dicom.Data;

namespace ActorBroker.Dicom.Mwl;

/// <summary>
/// A C-FIND identifier that cannot be processed (a malformed date range, a sequence key that is not one item):
/// the SCP answers with a failure status (A900 / C000) naming <see cref="Tag"/> in Offending Element (0000,0901)
/// and <see cref="Reason"/> in Error Comment (0000,0902).
/// </summary>
public sealed class MwlQueryException : Exception
{
    public MwlQueryException()
    {
    }

    public MwlQueryException(string message)
        : base(message)
    {
        Reason = message;
    }

    public MwlQueryException(string message, Exception innerException)
        : base(message, innerException)
    {
        Reason = message;
    }

    public MwlQueryException(DicomTag tag, string reason)
        : base($"{tag}: {reason}")
    {
        Tag = tag;
        Reason = reason;
    }

    /// <summary>The offending key.</summary>
    public DicomTag? Tag { get; }

    /// <summary>What is wrong with it (fits Error Comment, LO 64 characters, when short).</summary>
    public string Reason { get; } = "";
}
