using ActorBroker.Domain.Orders;
using ActorBroker.Domain.Patients;
using ActorBroker.Domain.Sites;
using ActorBroker.Hl7;

namespace ActorBroker.Domain.Mapping;

/// <summary>
/// ADT^A08 / A40 / A47 -> patient commands, with the same PID rules as orders
/// (<see cref="PatientMapper"/>). Kept apart from <see cref="Hl7OrderMapper"/>, which still
/// answers ADT with UnsupportedMessageType: an interface must not ACK AA for a patient update
/// until something applies it to the orders.
/// A40 may repeat PID+MRG pairs (one merge each); a MRG belongs to the PID before it. The prior
/// identifier is the MRG-1 repetition from the site's patient-id-issuer (else the first), so a
/// merge moves exactly the ids the worklist uses.
/// </summary>
// HL7 2.5.1 3.3.8 ADT^A08, 3.3.40 ADT^A40 (ADT_A39), 3.3.47 ADT^A47 (ADT_A30), 3.4.9 MRG; IHE RAD TF-2 4.12 (RAD-12)
public static class Hl7PatientMapper
{
    public static PatientMappingResult Map(Hl7Message message, SiteDirectory sites, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(sites);

        var msh = message.Msh;
        var type = msh.MessageType.Trim().ToUpperInvariant();
        var trigger = msh.TriggerEvent.Trim().ToUpperInvariant();
        if (type != "ADT")
        {
            return PatientMappingResult.Failure(new Hl7Error(Hl7ErrorCode.UnsupportedMessageType, msh.Segment.LocationOf(9), $"MSH-9 message type '{type}^{trigger}' is not a patient update (ADT^A08, A40, A47)"));
        }

        if (trigger is not ("A08" or "A40" or "A47"))
        {
            return PatientMappingResult.Failure(new Hl7Error(Hl7ErrorCode.UnsupportedEventCode, msh.Segment.LocationOf(9, 2), $"MSH-9 trigger event 'ADT^{trigger}' is not handled (A08, A40, A47)"));
        }

        var facility = msh.SendingFacility.Trim();
        var site = sites.ResolveByFacility(facility);
        if (site is null)
        {
            return PatientMappingResult.Failure(new Hl7Error(Hl7ErrorCode.TableValueNotFound, msh.Segment.LocationOf(4), $"MSH-4 sending facility '{facility}' is not configured for any site"));
        }

        try
        {
            var controlId = msh.MessageControlId.Trim();
            if (controlId.Length == 0)
            {
                throw Error(Hl7ErrorCode.RequiredFieldMissing, msh.Segment.LocationOf(10), "MSH-10 (message control id) is empty");
            }

            var messageRef = new MessageRef(msh.SendingApplication.Trim(), facility, controlId, receivedAt);
            return PatientMappingResult.Success(site, trigger == "A08" ? Update(message, site, messageRef) : Merges(message, site, messageRef, trigger));
        }
        catch (Hl7Exception e)
        {
            return PatientMappingResult.Failure(e.Error, site);
        }
    }

    private static List<IPatientCommand> Update(Hl7Message message, SiteRules site, MessageRef messageRef)
    {
        var pid = message.Find("PID") ?? throw Error(Hl7ErrorCode.SegmentSequenceError, new Hl7Location("PID", 1, 0), "the ADT^A08 has no PID segment");
        return [new UpdatePatient(site.SiteId, messageRef, PatientMapper.Map(new Pid(pid), site))];
    }

    private static List<IPatientCommand> Merges(Hl7Message message, SiteRules site, MessageRef messageRef, string trigger)
    {
        var commands = new List<IPatientCommand>();
        Pid? pid = null;
        foreach (var segment in message.Segments)
        {
            switch (segment.Id)
            {
                case "PID":
                    pid = new Pid(segment);
                    break;
                case "MRG":
                    if (pid is not { } survivor)
                    {
                        throw Error(Hl7ErrorCode.SegmentSequenceError, segment.LocationOf(0), $"{segment.LocationOf(0)} comes before any PID: a merge needs the surviving patient first");
                    }

                    var (priorId, priorIssuer) = Prior(new Mrg(segment), site);
                    commands.Add(new MergePatient(site.SiteId, messageRef, PatientMapper.Map(survivor, site), priorId, priorIssuer) { Trigger = trigger });
                    pid = null;
                    break;
            }
        }

        if (commands.Count == 0)
        {
            throw Error(Hl7ErrorCode.SegmentSequenceError, new Hl7Location("MRG", 1, 0), $"the ADT^{trigger} has no PID+MRG pair: nothing to merge");
        }

        return commands;
    }

    private static (string Id, string Issuer) Prior(Mrg mrg, SiteRules site)
    {
        var ids = mrg.PriorPatientIdentifiers.Where(cx => cx.Id.Length > 0).ToList();
        if (ids.Count == 0)
        {
            throw Error(Hl7ErrorCode.RequiredFieldMissing, mrg.Segment.LocationOf(1), $"{mrg.Segment.LocationOf(1)} (prior patient identifier list) is empty");
        }

        var chosen = site.PatientIdIssuer.Length == 0
            ? ids[0]
            : ids.FirstOrDefault(cx => string.Equals(cx.AssigningAuthority, site.PatientIdIssuer, StringComparison.OrdinalIgnoreCase))
              ?? throw Error(Hl7ErrorCode.RequiredFieldMissing, mrg.Segment.LocationOf(1), $"{mrg.Segment.LocationOf(1)} has no identifier from assigning authority '{site.PatientIdIssuer}'");
        return (chosen.Id, chosen.AssigningAuthority);
    }

    private static Hl7Exception Error(Hl7ErrorCode code, Hl7Location location, string text) => new(new Hl7Error(code, location, text));
}
