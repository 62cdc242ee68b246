namespace ActorBroker.Interop.Tests.Harness;

/// <summary>One request the PACS received: kind ncreate/nset, MPPS UID, PPS status, calling AE, the status it answered.</summary>
internal sealed record MppsScpEvent(string Kind, string Uid, string Status, string Calling, string Result);
