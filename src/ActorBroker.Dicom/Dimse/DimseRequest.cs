namespace ActorBroker.Dicom.Dimse;

/// <summary>A DIMSE request: it carries a Message ID (0000,0110) its response refers to.</summary>
public abstract record DimseRequest : DimseMessage
{
    /// <summary>Message ID (0000,0110). The client assigns it when sending.</summary>
    public ushort MessageID { get; init; }

    /// <summary>
    /// The SOP class the request operates on: Affected SOP Class UID (0000,0002), or Requested SOP Class
    /// UID (0000,0003) for N-SET. Must equal the abstract syntax of the presentation context it travels on.
    /// </summary>
    public abstract string SopClassUid { get; }
}
