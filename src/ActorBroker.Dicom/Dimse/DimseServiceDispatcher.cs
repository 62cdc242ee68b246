using ActorBroker.Dicom.Data;
using ActorBroker.Dicom.Network;
using ActorBroker.Dicom.Network.Negotiation;

namespace ActorBroker.Dicom.Dimse;

/// <summary>
/// SCP side of DIMSE for one association: runs a request through its provider and sends the response(s).
/// C-FIND responses are streamed as the provider yields them; <see cref="Cancel"/> (a C-CANCEL-RQ) stops
/// the running C-FIND, which then ends with FE00 Cancel (PS3.4 C.4.1.2.3 / K.4.1.3).
/// </summary>
internal sealed class DimseServiceDispatcher
{
    // Pending C-FIND responses handed to the writer at once (~40 KiB of worklist responses: under one gathered write).
    private const int PendingBatch = 64;

    private readonly DicomServiceProviders _providers;
    private readonly DicomAssociationContext _context;
    private readonly DimseMessageWriter _writer;
    private readonly IReadOnlyDictionary<byte, PresentationContext> _accepted;
    private readonly object _gate = new();
    private ActiveFind? _activeFind;

    public DimseServiceDispatcher(
        DicomServiceProviders providers,
        DicomAssociationContext context,
        DimseMessageWriter writer,
        IReadOnlyDictionary<byte, PresentationContext> accepted)
    {
        _providers = providers;
        _context = context;
        _writer = writer;
        _accepted = accepted;
    }

    /// <summary>C-CANCEL-RQ: cancels the running C-FIND whose Message ID matches; ignored otherwise (it may have just finished).</summary>
    public bool Cancel(ushort messageIdBeingRespondedTo)
    {
        ActiveFind? find;
        lock (_gate)
        {
            find = _activeFind;
            if (find is null || find.MessageId != messageIdBeingRespondedTo)
            {
                return false;
            }

            find.CancelRequested = true;
        }

        // Outside the lock: cancellation callbacks run provider code. The source outlives the active
        // find (HandleFindAsync clears _activeFind before disposing it) except in that last instant.
        try
        {
            find.Source.Cancel();
        }
        catch (ObjectDisposedException)
        {
        }

        return true;
    }

    /// <summary>Handles one request until its last response is sent. <paramref name="cancellationToken"/> ends with the association.</summary>
    public async Task HandleAsync(byte presentationContextId, DimseRequest request, CancellationToken cancellationToken)
    {
        var context = _accepted[presentationContextId];
        var syntax = DicomTransferSyntax.Lookup(context.TransferSyntaxUid) ?? DicomTransferSyntax.ImplicitVRLittleEndian;

        // PS3.7 9.1 / 10.1: the SOP class of the request is the abstract syntax of its presentation context.
        if (!string.Equals(request.SopClassUid, context.AbstractSyntaxUid, StringComparison.Ordinal))
        {
            var mismatch = Failure(request, DicomStatus.SOPClassNotSupported,
                $"SOP class {request.SopClassUid} is not the abstract syntax of context {presentationContextId}");
            await SendAsync(presentationContextId, mismatch, syntax, cancellationToken);
            return;
        }

        if (request is CFindRequest find && _providers.Find is { } findProvider)
        {
            await HandleFindAsync(presentationContextId, find, findProvider, syntax, cancellationToken);
            return;
        }

        DimseResponse response;
        try
        {
            response = request switch
            {
                CEchoRequest echo => Complete(echo, await _providers.Echo.OnCEchoAsync(_context, echo, cancellationToken)),
                CStoreRequest store when _providers.Store is { } storeProvider =>
                    Complete(store, await storeProvider.OnCStoreAsync(_context, store, cancellationToken)),
                NCreateRequest create when _providers.NCreate is { } createProvider =>
                    Complete(create, await createProvider.OnNCreateAsync(_context, create, cancellationToken)),
                NSetRequest set when _providers.NSet is { } setProvider =>
                    Complete(set, await setProvider.OnNSetAsync(_context, set, cancellationToken)),
                _ => Failure(request, DicomStatus.UnrecognizedOperation, $"{request.CommandField} is not provided here"),
            };
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return;
        }
        catch (Exception e)
        {
            response = Failure(request, request is CStoreRequest ? DicomStatus.UnableToProcess : DicomStatus.ProcessingFailure, e.Message);
        }

        await SendAsync(presentationContextId, response, syntax, cancellationToken);
    }

    private async Task HandleFindAsync(byte presentationContextId, CFindRequest request, ICFindProvider provider, DicomTransferSyntax syntax, CancellationToken cancellationToken)
    {
        using var source = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var active = new ActiveFind(request.MessageID, source);
        lock (_gate)
        {
            _activeFind = active;
        }

        CFindResponse? final = null;
        var matches = provider.OnCFindAsync(_context, request, source.Token).GetAsyncEnumerator(source.Token);

        // Every pending response of one C-FIND carries the same command set (Message ID Being Responded To, the SOP
        // class, FF00 or FF01) unless the provider adds error fields: encoded once per status. Responses with it are
        // handed to the writer in batches (one acquisition of the writer per batch, not per match) as long as the
        // provider yields them without waiting.
        byte[]? pendingCommand = null;
        ushort pendingStatus = 0;
        var batch = new List<DimseMessage>(PendingBatch);
        try
        {
            while (true)
            {
                var next = matches.MoveNextAsync();
                if (!next.IsCompleted)
                {
                    // The provider makes us wait: what is gathered goes out now, so the SCU sees matches as they come.
                    await SendBatchAsync();
                    await _writer.FlushAsync();
                }

                if (!await next)
                {
                    break;
                }

                var response = matches.Current;
                if (source.IsCancellationRequested)
                {
                    break;
                }

                if (!response.Status.IsPending)
                {
                    final = response;
                    break;
                }

                // With the shared command set the writer reads only the response's identifier: the provider's response
                // goes as it is (a worklist reuses one per item), not a copy with this request's Message ID.
                if (response is { ErrorComment: null, ErrorID: null, OffendingElements.Count: 0, AffectedSOPClassUID: null, HasDataset: true })
                {
                    if (pendingCommand is null || pendingStatus != response.Status.Code)
                    {
                        await SendBatchAsync(); // those carry the previous status
                        pendingCommand = DimseCommandCodec.Encode(Complete(request, response));
                        pendingStatus = response.Status.Code;
                    }

                    batch.Add(response);
                    if (batch.Count == PendingBatch)
                    {
                        await SendBatchAsync();
                    }
                }
                else
                {
                    await SendBatchAsync();
                    await _writer.SendAsync(presentationContextId, Complete(request, response), syntax, cancellationToken, flush: false);
                }
            }
        }
        catch (OperationCanceledException) when (source.IsCancellationRequested)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                return;
            }
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            final = CFindResponse.Final(DicomStatus.UnableToProcess, e.Message);
        }
        finally
        {
            lock (_gate)
            {
                _activeFind = null;
            }

            await matches.DisposeAsync();
        }

        if (cancellationToken.IsCancellationRequested)
        {
            return;
        }

        if (active.CancelRequested)
        {
            final = CFindResponse.Final(DicomStatus.Cancel);
        }

        // The matches yielded before the end (or the cancel, or a failure) go before the final response.
        await SendBatchAsync();
        await SendAsync(presentationContextId, Complete(request, (final ?? CFindResponse.Final(DicomStatus.Success)) with { Dataset = null, DatasetEncoder = null }), syntax, cancellationToken);

        // Gathered with the next ones; the final response (or 64 KiB) writes them.
        async Task SendBatchAsync()
        {
            if (batch.Count == 0)
            {
                return;
            }

            try
            {
                await _writer.SendManyAsync(presentationContextId, batch, syntax, pendingCommand, cancellationToken);
            }
            finally
            {
                batch.Clear();
            }
        }
    }

    private async Task SendAsync(byte presentationContextId, DimseResponse response, DicomTransferSyntax syntax, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return;
        }

        await _writer.SendAsync(presentationContextId, response, syntax, cancellationToken);
    }

    private static CEchoResponse Complete(CEchoRequest request, CEchoResponse response) =>
        response with { MessageIDBeingRespondedTo = request.MessageID, AffectedSOPClassUID = response.AffectedSOPClassUID ?? request.AffectedSOPClassUID };

    private static CFindResponse Complete(CFindRequest request, CFindResponse response) =>
        response with { MessageIDBeingRespondedTo = request.MessageID, AffectedSOPClassUID = response.AffectedSOPClassUID ?? request.AffectedSOPClassUID };

    private static CStoreResponse Complete(CStoreRequest request, CStoreResponse response) =>
        response with
        {
            MessageIDBeingRespondedTo = request.MessageID,
            AffectedSOPClassUID = response.AffectedSOPClassUID ?? request.AffectedSOPClassUID,
            AffectedSOPInstanceUID = response.AffectedSOPInstanceUID ?? request.AffectedSOPInstanceUID,
        };

    private static NCreateResponse Complete(NCreateRequest request, NCreateResponse response) =>
        response with
        {
            MessageIDBeingRespondedTo = request.MessageID,
            AffectedSOPClassUID = response.AffectedSOPClassUID ?? request.AffectedSOPClassUID,
            AffectedSOPInstanceUID = response.AffectedSOPInstanceUID ?? request.AffectedSOPInstanceUID,
        };

    private static NSetResponse Complete(NSetRequest request, NSetResponse response) =>
        response with
        {
            MessageIDBeingRespondedTo = request.MessageID,
            AffectedSOPClassUID = response.AffectedSOPClassUID ?? request.RequestedSOPClassUID,
            AffectedSOPInstanceUID = response.AffectedSOPInstanceUID ?? request.RequestedSOPInstanceUID,
        };

    /// <summary>A failure response of the right type for <paramref name="request"/>.</summary>
    internal static DimseResponse Failure(DimseRequest request, DicomStatus status, string comment) => request switch
    {
        CEchoRequest echo => Complete(echo, new CEchoResponse { Status = status, ErrorComment = comment }),
        CFindRequest find => Complete(find, CFindResponse.Final(status, comment)),
        CStoreRequest store => Complete(store, new CStoreResponse { Status = status, ErrorComment = comment }),
        NCreateRequest create => Complete(create, new NCreateResponse { Status = status, ErrorComment = comment }),
        NSetRequest set => Complete(set, new NSetResponse { Status = status, ErrorComment = comment }),
        _ => new UnsupportedResponse((DimseCommandField)((ushort)request.CommandField | 0x8000), string.IsNullOrEmpty(request.SopClassUid) ? null : request.SopClassUid)
        {
            MessageIDBeingRespondedTo = request.MessageID,
            Status = status,
            ErrorComment = comment,
        },
    };

    private sealed class ActiveFind(ushort messageId, CancellationTokenSource source)
    {
        public ushort MessageId { get; } = messageId;

        public CancellationTokenSource Source { get; } = source;

        public bool CancelRequested { get; set; }
    }
}
