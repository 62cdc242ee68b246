namespace ActorBroker.Dicom.Network;

/// <summary>A DICOM network operation failed: transport error, protocol violation, or an association that is gone.</summary>
public class DicomNetworkException : Exception
{
    public DicomNetworkException()
    {
    }

    public DicomNetworkException(string message)
        : base(message)
    {
    }

    public DicomNetworkException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
