using System.Runtime.CompilerServices;
using ActorBroker.Dicom.CharacterSets;
using ActorBroker.Dicom.Dimse;
using ActorBroker.Dicom.Mwl;
using ActorBroker.Dicom.Network;
using ActorBroker.Domain.Worklist;
using Akka.Actor;

namespace ActorBroker.Actors.Modalities;

/// <summary>
/// Modality Worklist Information Model - FIND SCP (PS3.4 K.4, 1.2.840.10008.5.1.4.31) over the shared
/// <see cref="WorklistIndex"/>: the query runs on the association's task against the index (no actor hop), then
/// one pending response per item (PS3.4 K.4.1.3.1) built in the calling modality's character set — transliterated
/// where that set cannot carry a name, never wrong bytes — and Success. A configured modality sees its own site's
/// worklist; a caller admitted by accept-any-calling-ae sees every site's, in UTF-8. Each query's outcome is told
/// to the modalities supervisor for the station's counters.
/// </summary>
public sealed class MwlFindProvider : ICFindProvider
{
    private readonly WorklistIndex _index;
    private readonly ModalityDirectory _modalities;
    private readonly MwlMatchingOptions _options;
    private readonly IActorRef _counters;
    private readonly TimeProvider _time;

    public MwlFindProvider(WorklistIndex index, ModalityDirectory modalities, MwlMatchingOptions options, IActorRef counters, TimeProvider time)
    {
        _index = index;
        _modalities = modalities;
        _options = options;
        _counters = counters;
        _time = time;
    }

    // PS3.4 K.4.1.2 (C-FIND SCP behaviour for the MWL Information Model), C.4.1.1.3 (identifier), C.4.1.1.4 (statuses).
    public async IAsyncEnumerable<CFindResponse> OnCFindAsync(DicomAssociationContext context, CFindRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(request);
        await Task.CompletedTask; // the index answers synchronously; the iterator is async for the streaming contract
        var started = _time.GetTimestamp();
        var ae = context.CallingAETitle.Trim();
        CFindResponse? failure = null;
        MwlQuery? query = null;
        if (!string.Equals(request.AffectedSOPClassUID, WellKnownUids.ModalityWorklistInformationModelFind, StringComparison.Ordinal))
        {
            failure = CFindResponse.Final(DicomStatus.SOPClassNotSupported, "only Modality Worklist Information Model - FIND is served");
        }
        else if (request.Dataset is null)
        {
            failure = CFindResponse.Final(DicomStatus.IdentifierDoesNotMatchSOPClass, "C-FIND without an identifier");
        }
        else if (!_index.IsComplete)
        {
            // PS3.4 C.4.1.1.4 A700: a refusal the modality can retry. A partial worklist (the index still being rebuilt
            // from the journal after a restart) would answer Success with patients missing.
            failure = CFindResponse.Final(DicomStatus.OutOfResources, "worklist being rebuilt after a restart; retry in seconds");
        }
        else if (!MwlQuery.TryParse(request.Dataset, _options, out query, out var error))
        {
            failure = CFindResponse.Final(DicomStatus.IdentifierDoesNotMatchSOPClass, error.Reason) with
            {
                OffendingElements = error.Tag is { } tag ? [tag] : [],
            };
        }

        if (failure is not null || query is null)
        {
            Report(ae, 0, failure?.Status ?? DicomStatus.UnableToProcess, cancelled: false, started);
            yield return failure ?? CFindResponse.Final(DicomStatus.UnableToProcess);
            yield break;
        }

        var modality = _modalities.Find(ae);
        var charset = modality?.CharacterSet ?? DicomCharacterSet.Utf8;
        var responses = _index.Responses(query, charset, modality?.Site);
        var sent = 0;
        try
        {
            foreach (var response in responses)
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    break;
                }

                yield return response;
                sent++;
            }
        }
        finally
        {
            var cancelled = cancellationToken.IsCancellationRequested;
            Report(ae, sent, cancelled ? DicomStatus.Cancel : DicomStatus.Success, cancelled, started);
        }
    }

    private void Report(string ae, int items, DicomStatus status, bool cancelled, long started) =>
        _counters.Tell(new ModalityQueryCompleted(ae, items, status.Code, cancelled, _time.GetElapsedTime(started), _time.GetUtcNow()));
}
