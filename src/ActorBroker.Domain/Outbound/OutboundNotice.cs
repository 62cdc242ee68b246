using ActorBroker.Domain.Orders;
using ActorBroker.Domain.Reports;

namespace ActorBroker.Domain.Outbound;

/// <summary>
/// Something the EHR must be told about one order, carried inside the order event that caused it
/// (so the outbox, a projection of the journal tagged "outbound", needs nothing else to render
/// the HL7 message, and a replay renders the same message). Kind is "status" (ORC-1 SC with
/// ORC-5 OrderStatus IP/CM/DC, as ORM^O01 or OMI^O23 per destination) or "result" (ORU^R01 with
/// Report). Hl7CharacterSet is the MSH-18 the order arrived with ("" = the HL7 default), so the
/// answer uses the EHR's own conventions.
/// </summary>
// HL7 2.5.1 4.5.1 ORC (table 0119 SC, table 0038 IP/CM/DC), 7.3.1 ORU^R01; IHE RAD TF-2 4.42 (RAD-42)
public sealed record OutboundNotice(
    string Kind,
    OrderKey Order,
    string PlacerOrderNumber,
    string FillerOrderNumber,
    string Accession,
    RequestedProcedure RequestedProcedure,
    PatientIdentity Patient,
    string OrderStatus,
    string Hl7CharacterSet,
    string StudyInstanceUid,
    string Modality,
    DateTimeOffset OccurredAt,
    ReportContent? Report = null)
{
    public const string StatusKind = "status";
    public const string ResultKind = "result";
}
