namespace ActorBroker.Domain.Orders;

/// <summary>
/// Everything the worklist and the status messages need about an order, already converted to
/// DICOM conventions (PN names, DA/TM times in the site's zone, DICOM priority terms).
/// Priority is one of STAT, HIGH, ROUTINE, MEDIUM, LOW (Requested Procedure Priority (0040,1003)).
/// OrderStatusCode is ORC-5 as sent (HL7 table 0038). Hl7CharacterSet is MSH-18 (first
/// repetition, as sent; "" = absent, the HL7 default) of the message that placed or last changed
/// the order, so what the broker sends back about it uses the EHR's own character set. It takes
/// part in equality (a replayed snapshot must equal the live one) but not in the decider's "same
/// order" test: a resend spelling MSH-18 differently ("UNICODE UTF-8" vs "UTF-8") is the same order.
/// </summary>
// DICOM PS3.4 K.6.1.2 (MWL attributes); HL7 2.5.1 4.5.1 ORC, 4.5.3 OBR
public sealed record OrderDetails(
    string PlacerOrderNumber,
    string FillerOrderNumber,
    string Accession,
    PatientIdentity Patient,
    string ReferringPhysician,
    string RequestingPhysician,
    string AdmissionId,
    string PatientLocation,
    RequestedProcedure RequestedProcedure,
    string ReasonForRequest,
    string Comments,
    string Priority,
    string StudyInstanceUid,
    string Modality,
    IReadOnlyList<ScheduledStep> ScheduledSteps,
    string OrderStatusCode,
    StudyUidOrigin StudyInstanceUidOrigin = StudyUidOrigin.Message,
    string Hl7CharacterSet = "")
{
    // A record compares lists by reference; the decider must see two messages with the same
    // content as the same order (a NW resent with a new MSH-10 is a duplicate, not a change).
    public bool Equals(OrderDetails? other) =>
        other is not null
        && PlacerOrderNumber == other.PlacerOrderNumber
        && FillerOrderNumber == other.FillerOrderNumber
        && Accession == other.Accession
        && Patient == other.Patient
        && ReferringPhysician == other.ReferringPhysician
        && RequestingPhysician == other.RequestingPhysician
        && AdmissionId == other.AdmissionId
        && PatientLocation == other.PatientLocation
        && RequestedProcedure == other.RequestedProcedure
        && ReasonForRequest == other.ReasonForRequest
        && Comments == other.Comments
        && Priority == other.Priority
        && StudyInstanceUid == other.StudyInstanceUid
        && Modality == other.Modality
        && OrderStatusCode == other.OrderStatusCode
        && StudyInstanceUidOrigin == other.StudyInstanceUidOrigin
        && Hl7CharacterSet == other.Hl7CharacterSet
        && Sequences.Equal(ScheduledSteps, other.ScheduledSteps);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(PlacerOrderNumber);
        hash.Add(FillerOrderNumber);
        hash.Add(Accession);
        hash.Add(Patient);
        hash.Add(ReferringPhysician);
        hash.Add(RequestingPhysician);
        hash.Add(AdmissionId);
        hash.Add(PatientLocation);
        hash.Add(RequestedProcedure);
        hash.Add(ReasonForRequest);
        hash.Add(Comments);
        hash.Add(Priority);
        hash.Add(StudyInstanceUid);
        hash.Add(Modality);
        hash.Add(OrderStatusCode);
        hash.Add(StudyInstanceUidOrigin);
        hash.Add(Hl7CharacterSet);
        hash.Add(Sequences.Hash(ScheduledSteps));
        return hash.ToHashCode();
    }
}
