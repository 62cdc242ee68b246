using ActorBroker.Actors.Studies;
using ActorBroker.Dicom.Data;
using ActorBroker.Dicom.Dimse;
using ActorBroker.Dicom.Mpps;
using Akka.Actor;

namespace ActorBroker.Actors.Mpps;

/// <summary>
/// Sends an MPPS request to the study entity that holds the instance, the one of the first Study Instance UID of its
/// N-CREATE's Scheduled Step Attributes Sequence (PS3.4 F.7.2.1, Type 1 there). The study keeps the instance's
/// state machine (PS3.4 F.7), so one entity answers the modality and records the study, instead of two.
/// A request no study can take (an N-CREATE without a Study Instance UID, an N-SET of an instance no study holds) is
/// answered here by the same rules and kept as an exception.
/// </summary>
public sealed class MppsRouter
{
    private readonly IActorRef _studies;
    private readonly IActorRef _exceptions;
    private readonly MppsStudyIndex _index;
    private readonly TimeSpan _timeout;

    public MppsRouter(IActorRef studies, IActorRef exceptions, MppsStudyIndex index, TimeSpan timeout)
    {
        _studies = studies;
        _exceptions = exceptions;
        _index = index;
        _timeout = timeout;
    }

    /// <summary>The study entity's answer, once an accepted request is journaled; AskTimeoutException when it takes longer than the timeout.</summary>
    public async Task<MppsOutcome> SendAsync(MppsRequest request, DicomDataset dataset, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(dataset);
        var known = await _index.FindAsync(request.MppsUid, ct);
        var study = known;
        if (request.Operation == MppsOperation.Create && known is null)
        {
            // A new instance: its study is the N-CREATE's (an existing one's answers 0111 from the study that holds it).
            study = HomeStudy(dataset);
            if (study is null)
            {
                return Refuse(request, MppsRules.Create(false, request.MppsUid, dataset) is MppsOutcome.Refused r
                    ? r
                    : new MppsOutcome.Refused(DicomStatus.MissingAttributeValue, "no Study Instance UID in the Scheduled Step Attributes Sequence", null, []));
            }

            _index.Remember(request.MppsUid, study);
        }
        else if (study is null)
        {
            return Refuse(request, MppsRules.Set(null, request.MppsUid, dataset));
        }

        MppsOutcome outcome;
        try
        {
            // The dataset its caller already parsed goes along, so the study does not parse the bytes again.
            outcome = (await _studies.Ask<MppsRequestResult>(new StudyEnvelope(study, request with { Parsed = dataset }), _timeout, ct)).Outcome;
        }
        catch
        {
            if (known is null)
            {
                _index.Forget(request.MppsUid);
            }

            throw;
        }

        if (known is null && outcome is MppsOutcome.Refused { Status: var s } && s != DicomStatus.DuplicateSOPInstance)
        {
            _index.Forget(request.MppsUid);
        }
        else if (outcome is MppsOutcome.Accepted { Attributes.Status: MppsStatus.Completed or MppsStatus.Discontinued })
        {
            // Final: nothing more is expected; a late N-SET finds the study through the journal and gets 0110.
            _index.Forget(request.MppsUid);
        }

        return outcome;
    }

    /// <summary>The study that holds an instance: its N-CREATE's first Study Instance UID, or null when it names none.</summary>
    public static string? HomeStudy(DicomDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        foreach (var item in dataset.GetSequence(DicomTags.ScheduledStepAttributesSequence))
        {
            var uid = item.GetString(DicomTags.StudyInstanceUID).Trim();
            if (uid.Length > 0)
            {
                return uid;
            }
        }

        return null;
    }

    private MppsOutcome Refuse(MppsRequest request, MppsOutcome outcome)
    {
        MppsRefusal.Record(_exceptions, request, outcome);
        return outcome;
    }
}
