namespace ActorBroker.Domain.Orders;

/// <summary>
/// A coded concept: HL7 CE/CWE (identifier^text^coding system) as DICOM wants it in a Code
/// Sequence item: Code Value (0008,0100), Coding Scheme Designator (0008,0102), Code Meaning (0008,0104).
/// </summary>
// HL7 2.5.1 2.A.8 CE; DICOM PS3.3 8.8 (Code Sequence Macro)
public sealed record CodedEntry(string Value, string Scheme, string Meaning);
