namespace ActorBroker.Dicom.Mpps;

/// <summary>
/// A coded entry as the MPPS code sequences carry it (Code Value, Coding Scheme Designator, Code Meaning).
/// CodeValue is Long Code Value (0008,0119) or URN Code Value (0008,0120) when Code Value (0008,0100) is absent.
/// </summary>
// DICOM PS3.4 F.7.2 Table F.7.2-1c (MPPS Simple Code Value Macro), PS3.3 8.8
public sealed record MppsCode(string CodeValue, string CodingSchemeDesignator, string CodeMeaning);
