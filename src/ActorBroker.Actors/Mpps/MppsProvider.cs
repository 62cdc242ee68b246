using ActorBroker.Dicom.Data;
using ActorBroker.Dicom.Dimse;
using ActorBroker.Dicom.Mpps;
using ActorBroker.Dicom.Network;
using Akka.Actor;

namespace ActorBroker.Actors.Mpps;

/// <summary>
/// MPPS SCP (PS3.4 F.7, 1.2.840.10008.3.1.2.3.3): N-CREATE and N-SET of a SOP Instance UID (Affected on N-CREATE,
/// Requested on N-SET, PS3.7 10.1.5.1 / 10.1.3.1) go to the study entity that holds the instance (<see cref="MppsRouter"/>),
/// whose answer becomes the response.
/// The response waits for the journal; a broker that cannot answer in time says Processing failure (0110) and the
/// modality sends again (the entity recognises a repeat).
/// </summary>
public sealed class MppsProvider : INCreateProvider, INSetProvider
{
    /// <summary>How long the modality's request waits for the journal before it is answered 0110.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly MppsRouter _router;
    private readonly TimeProvider _time;

    public MppsProvider(MppsRouter router, TimeProvider time)
    {
        _router = router;
        _time = time;
    }

    public async ValueTask<NCreateResponse> OnNCreateAsync(DicomAssociationContext context, NCreateRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(request);
        var outcome = await AskAsync(context, request.AffectedSOPClassUID, request.AffectedSOPInstanceUID, MppsOperation.Create, request.Dataset, cancellationToken);
        return MppsResponses.ForCreate(request, outcome);
    }

    public async ValueTask<NSetResponse> OnNSetAsync(DicomAssociationContext context, NSetRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(request);
        var outcome = await AskAsync(context, request.RequestedSOPClassUID, request.RequestedSOPInstanceUID, MppsOperation.Set, request.Dataset, cancellationToken);
        return MppsResponses.ForSet(request, outcome);
    }

    private async Task<MppsOutcome> AskAsync(DicomAssociationContext context, string sopClass, string? uid, MppsOperation operation, DicomDataset? dataset, CancellationToken ct)
    {
        if (MppsRules.CheckSopClass(sopClass) is { } wrongClass)
        {
            return wrongClass;
        }

        dataset ??= new DicomDataset();
        if (string.IsNullOrWhiteSpace(uid))
        {
            // No entity to ask: the rules say what is wrong with a request that names no instance.
            return operation == MppsOperation.Create ? MppsRules.Create(false, uid, dataset) : MppsRules.Set(null, uid, dataset);
        }

        var raw = DicomDatasetWriter.Write(dataset, DicomTransferSyntax.ExplicitVRLittleEndian);
        try
        {
            return await _router.SendAsync(new MppsRequest(uid.Trim(), operation, context.CallingAETitle.Trim(), raw, _time.GetUtcNow()), dataset, ct);
        }
        catch (AskTimeoutException)
        {
            return new MppsOutcome.Refused(DicomStatus.ProcessingFailure, "the broker could not journal the MPPS in time; send it again", null, []);
        }
        catch (System.Data.Common.DbException e)
        {
            // The instance's study could not be looked up in the journal (which could not take the request either).
            return new MppsOutcome.Refused(DicomStatus.ProcessingFailure, "the broker could not read its journal (" + e.Message + "); send it again", null, []);
        }
    }
}
