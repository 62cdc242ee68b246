namespace ActorBroker.Domain.Orders;

/// <summary>
/// The requested procedure: Requested Procedure ID (0040,1001) from OBR-19 (or IPC-2),
/// Requested Procedure Description (0032,1060) and Requested Procedure Code Sequence (0032,1064) from OBR-4.
/// </summary>
// DICOM PS3.4 K.6.1.2.2 (Requested Procedure); HL7 2.5.1 4.5.3.4 OBR-4, 4.5.3.19 OBR-19
public sealed record RequestedProcedure(string Id, string Description, CodedEntry? Code);
