using ActorBroker.Domain.Orders;
using ActorBroker.Domain.Sites;

namespace ActorBroker.Domain.Worklist;

/// <summary>
/// Turns an order into its worklist entries: one per Scheduled Procedure Step, none when the
/// order's state is not one the site lists (by default only Scheduled: a cancelled, held or
/// completed order leaves the worklist). Pure, so the worklist can be rebuilt from the journal.
/// </summary>
// DICOM PS3.4 K.6.1; IHE RAD TF-2 4.5 (RAD-5 Query Modality Worklist)
public static class WorklistProjection
{
    public static IReadOnlyList<WorklistItem> ItemsFor(OrderSnapshot order, SiteRules site)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(site);
        if (order.Details is not { } d || !site.ShowsOnWorklist(order.State))
        {
            return [];
        }

        // The status comes from the order state, not the stored step: if the site lists started
        // orders, a modality must see STARTED, whatever the step said when it was scheduled.
        var status = SpsStatus.For(order.State);
        var items = new WorklistItem[d.ScheduledSteps.Count];
        for (var i = 0; i < items.Length; i++)
        {
            var step = d.ScheduledSteps[i];
            items[i] = new WorklistItem(
                AccessionNumber: d.Accession,
                PatientId: d.Patient.PatientId,
                IssuerOfPatientId: d.Patient.IssuerOfPatientId,
                OtherPatientIds: d.Patient.OtherPatientIds,
                PatientName: d.Patient.PatientName,
                PatientBirthDate: d.Patient.BirthDate,
                PatientSex: d.Patient.Sex,
                ReferringPhysicianName: d.ReferringPhysician,
                RequestingPhysician: d.RequestingPhysician,
                AdmissionId: d.AdmissionId,
                CurrentPatientLocation: d.PatientLocation,
                StudyInstanceUid: d.StudyInstanceUid,
                RequestedProcedureId: d.RequestedProcedure.Id,
                RequestedProcedureDescription: d.RequestedProcedure.Description,
                RequestedProcedureCode: d.RequestedProcedure.Code,
                RequestedProcedurePriority: d.Priority,
                ReasonForRequestedProcedure: d.ReasonForRequest,
                RequestedProcedureComments: d.Comments,
                PlacerOrderNumber: d.PlacerOrderNumber,
                FillerOrderNumber: d.FillerOrderNumber,
                Modality: step.Modality.Length > 0 ? step.Modality : d.Modality,
                ScheduledStationAeTitle: step.StationAeTitle,
                ScheduledStationName: step.StationName,
                ScheduledProcedureStepLocation: step.Location,
                SpsStartDate: step.Start.Date,
                SpsStartTime: step.Start.Time,
                TimezoneOffsetFromUtc: step.Start.UtcOffset,
                SpsId: step.StepId,
                SpsDescription: step.Description,
                ScheduledProtocolCode: step.ProtocolCode,
                SpsStatus: status,
                Site: order.Key.Site,
                OrderState: order.State,
                StartInstant: step.Start.Instant);
        }

        return items;
    }
}
