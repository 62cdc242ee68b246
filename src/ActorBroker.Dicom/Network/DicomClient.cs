using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using ActorBroker.Dicom.Data;
using ActorBroker.Dicom.Dimse;
using ActorBroker.Dicom.Network.Negotiation;
using ActorBroker.Dicom.Network.Pdus;

namespace ActorBroker.Dicom.Network;

/// <summary>
/// A DICOM SCU on one association (PS3.8 9.2, requestor side): connect and negotiate with
/// <see cref="ConnectAsync"/>, run C-ECHO, C-FIND, C-STORE, N-CREATE, N-SET one at a time (a synchronous
/// window), then <see cref="ReleaseAsync"/>. Disposing without a release aborts.
/// </summary>
public sealed class DicomClient : IAsyncDisposable
{
    private readonly DicomClientOptions _options;
    private readonly UpperLayerChannel _channel;
    private readonly DimseMessageWriter _writer;
    private readonly Dictionary<byte, PresentationContext> _accepted;
    private readonly SemaphoreSlim _operationLock = new(1, 1);
    private readonly object _gate = new();
    private readonly Task _receiveLoop;
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Channel<DimseResponse>? _inbox;
    private Exception? _terminal;
    private int _nextMessageId;
    private volatile bool _releaseRequested;

    private DicomClient(DicomClientOptions options, UpperLayerChannel channel, AAssociateAC accept, IReadOnlyList<PresentationContext> contexts)
    {
        _options = options;
        _channel = channel;
        PresentationContexts = contexts;
        _accepted = contexts.Where(c => c.IsAccepted).ToDictionary(c => c.Id);
        PeerMaxPduLength = accept.UserInformation.MaximumLength ?? 0;
        PeerImplementationClassUid = accept.UserInformation.ImplementationClassUid;
        PeerImplementationVersionName = accept.UserInformation.ImplementationVersionName;
        _writer = new DimseMessageWriter(channel, PeerMaxPduLength, options.MaxPduLength);
        _receiveLoop = Task.Run(ReceiveLoopAsync);
    }

    /// <summary>Every proposed context with the acceptor's answer.</summary>
    public IReadOnlyList<PresentationContext> PresentationContexts { get; }

    public uint PeerMaxPduLength { get; }

    public string? PeerImplementationClassUid { get; }

    public string? PeerImplementationVersionName { get; }

    /// <summary>True while the association is established (Sta6).</summary>
    public bool IsEstablished => _channel.State == AssociationState.Sta6;

    /// <summary>
    /// Opens the transport and negotiates. Throws <see cref="DicomAssociationRejectedException"/> on an
    /// A-ASSOCIATE-RJ and <see cref="DicomNetworkException"/> on any other failure.
    /// </summary>
    public static async Task<DicomClient> ConnectAsync(DicomClientOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var machine = new AssociationStateMachine();
        machine.Fire(AssociationEvent.Evt1); // AE-1: issue TRANSPORT CONNECT
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            using var connectTimeout = new CancellationTokenSource(options.ConnectTimeout, options.TimeProvider);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, connectTimeout.Token);
            await socket.ConnectAsync(options.Host, options.Port, linked.Token);
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException)
        {
            socket.Dispose();
            machine.Fire(AssociationEvent.Evt17); // AA-4
            cancellationToken.ThrowIfCancellationRequested();
            throw new DicomNetworkException($"Cannot connect to {options.Host}:{options.Port}: {e.Message}", e);
        }

        var channel = new UpperLayerChannel(
            new NetworkStream(socket, ownsSocket: true),
            machine,
            options.TimeProvider,
            options.AssociationTimeout,
            PduReaderLimits.ForMaximumLength(options.MaxPduLength));
        try
        {
            var request = BuildRequest(options);
            await channel.SendAssociateRequestAsync(request, cancellationToken);
            UpperLayerIndication answer;
            using (var timeout = new CancellationTokenSource(options.AssociationTimeout, options.TimeProvider))
            using (var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token))
            {
                answer = await channel.ReceiveAsync(linked.Token);
            }

            switch (answer.Kind)
            {
                case UpperLayerIndicationKind.AssociateAccept:
                    var accept = (AAssociateAC)answer.Pdu!;
                    return new DicomClient(options, channel, accept, MatchContexts(request, accept));
                case UpperLayerIndicationKind.AssociateReject:
                    var reject = (AAssociateRJ)answer.Pdu!;
                    throw new DicomAssociationRejectedException(reject.Result, reject.Source, reject.Reason);
                default:
                    throw new DicomAssociationAbortedException(answer.AbortSource, answer.AbortReason, $"Association not established: {answer.Detail ?? answer.Kind.ToString()}");
            }
        }
        catch (Exception e) when (e is not DicomNetworkException || e is DicomAssociationRejectedException)
        {
            await channel.AbortAsync();
            await channel.DisposeAsync();
            if (e is OperationCanceledException && !cancellationToken.IsCancellationRequested)
            {
                throw new DicomNetworkException($"No A-ASSOCIATE-AC/RJ within {options.AssociationTimeout}.", e);
            }

            throw;
        }
        catch
        {
            await channel.DisposeAsync();
            throw;
        }
    }

    public async Task<CEchoResponse> CEchoAsync(CancellationToken cancellationToken = default) =>
        (CEchoResponse)await ExecuteAsync(new CEchoRequest(), cancellationToken);

    public async Task<CStoreResponse> CStoreAsync(CStoreRequest request, CancellationToken cancellationToken = default) =>
        (CStoreResponse)await ExecuteAsync(request, cancellationToken);

    public async Task<NCreateResponse> NCreateAsync(NCreateRequest request, CancellationToken cancellationToken = default) =>
        (NCreateResponse)await ExecuteAsync(request, cancellationToken);

    public async Task<NSetResponse> NSetAsync(NSetRequest request, CancellationToken cancellationToken = default) =>
        (NSetResponse)await ExecuteAsync(request, cancellationToken);

    /// <summary>
    /// C-FIND: yields every response, pending ones (with an identifier) and the final one. When
    /// <paramref name="cancellationToken"/> is cancelled a C-CANCEL-RQ is sent; pending responses still in
    /// flight are dropped and the final response (normally FE00 Cancel) is yielded, then the sequence ends.
    /// Stopping the enumeration early also sends C-CANCEL and waits for the final response, so the
    /// association stays usable.
    /// </summary>
    public async IAsyncEnumerable<CFindResponse> CFindAsync(CFindRequest request, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await _operationLock.WaitAsync(cancellationToken);
        var finished = false;
        var cancelSent = false;
        var (contextId, _) = default((byte, DicomTransferSyntax?));
        ushort messageId = 0;
        try
        {
            (contextId, var syntax) = ContextFor(request.SopClassUid);
            messageId = NextMessageId();
            var inbox = StartOperation();
            await _writer.SendAsync(contextId, request with { MessageID = messageId }, syntax, cancellationToken);
            while (!finished)
            {
                if (cancellationToken.IsCancellationRequested && !cancelSent)
                {
                    cancelSent = true;
                    await SendCancelAsync(contextId, messageId);
                }

                CFindResponse response;
                try
                {
                    response = Expect<CFindResponse>(await ReadResponseAsync(inbox, messageId, cancelSent ? CancellationToken.None : cancellationToken));
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested && !cancelSent)
                {
                    continue;
                }

                finished = !response.Status.IsPending;
                if (!finished && cancelSent)
                {
                    continue;
                }

                yield return response;
            }
        }
        finally
        {
            if (!finished && messageId != 0 && _terminal is null && IsEstablished)
            {
                // The consumer stopped early: cancel and drain to the final response.
                await CancelAndDrainAsync(contextId, messageId, cancelSent);
            }

            EndOperation();
            _operationLock.Release();
        }
    }

    /// <summary>A-RELEASE: waits for the A-RELEASE-RP, then the transport closes.</summary>
    public async Task ReleaseAsync(CancellationToken cancellationToken = default)
    {
        await _operationLock.WaitAsync(cancellationToken);
        try
        {
            ThrowIfTerminal();
            _releaseRequested = true;
            await _channel.SendReleaseRequestAsync(cancellationToken);
            using var timeout = new CancellationTokenSource(_options.AssociationTimeout, _options.TimeProvider);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
            try
            {
                await _released.Task.WaitAsync(linked.Token);
            }
            catch (OperationCanceledException)
            {
                await _channel.AbortAsync();
                cancellationToken.ThrowIfCancellationRequested();
                throw new DicomNetworkException($"No A-RELEASE-RP within {_options.AssociationTimeout}; aborted.");
            }

            await _receiveLoop;
        }
        finally
        {
            _operationLock.Release();
        }
    }

    /// <summary>A-ABORT (service-user) and close.</summary>
    public async ValueTask AbortAsync()
    {
        await _channel.AbortAsync();
        await _channel.DisposeAsync();
        await _receiveLoop;
    }

    public async ValueTask DisposeAsync()
    {
        if (_channel.State != AssociationState.Sta1)
        {
            await _channel.AbortAsync();
        }

        await _channel.DisposeAsync();
        await _receiveLoop;
    }

    private async Task<DimseResponse> ExecuteAsync(DimseRequest request, CancellationToken cancellationToken)
    {
        await _operationLock.WaitAsync(cancellationToken);
        try
        {
            var (contextId, syntax) = ContextFor(request.SopClassUid);
            var messageId = NextMessageId();
            var inbox = StartOperation();
            await _writer.SendAsync(contextId, request with { MessageID = messageId }, syntax, cancellationToken);
            try
            {
                return await ReadResponseAsync(inbox, messageId, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Only C-FIND (and C-GET/C-MOVE) can be cancelled in DIMSE; an orphaned response would break
                // the synchronous window, so the association goes.
                await _channel.AbortAsync();
                throw;
            }
        }
        finally
        {
            EndOperation();
            _operationLock.Release();
        }
    }

    private async Task<DimseResponse> ReadResponseAsync(Channel<DimseResponse> inbox, ushort messageId, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(_options.ResponseTimeout, _options.TimeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        DimseResponse response;
        try
        {
            response = await inbox.Reader.ReadAsync(linked.Token);
        }
        catch (ChannelClosedException e)
        {
            throw e.InnerException as DicomNetworkException ?? new DicomNetworkException("The association ended before the response.", e);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            await _channel.AbortAsync();
            throw new DicomNetworkException($"No DIMSE response within {_options.ResponseTimeout}; association aborted.");
        }

        if (response.MessageIDBeingRespondedTo != messageId)
        {
            await _channel.AbortAsync();
            throw new DicomNetworkException($"Response to message {response.MessageIDBeingRespondedTo} while {messageId} is outstanding; association aborted.");
        }

        return response;
    }

    private async Task CancelAndDrainAsync(byte contextId, ushort messageId, bool cancelSent)
    {
        try
        {
            if (!cancelSent)
            {
                await SendCancelAsync(contextId, messageId);
            }

            var inbox = _inbox!;
            while ((await ReadResponseAsync(inbox, messageId, CancellationToken.None)).Status.IsPending)
            {
            }
        }
        catch (DicomNetworkException)
        {
        }
    }

    private Task SendCancelAsync(byte contextId, ushort messageId) =>
        _writer.SendAsync(contextId, new CCancelRequest { MessageIDBeingRespondedTo = messageId }, DicomTransferSyntax.ImplicitVRLittleEndian, CancellationToken.None);

    private async Task ReceiveLoopAsync()
    {
        var reader = new DimseMessageReader(_accepted, _options.MaxDatasetLength);
        var completed = new List<(byte ContextId, DimseMessage Message)>(1);
        while (true)
        {
            var indication = await _channel.ReceiveAsync(CancellationToken.None);
            switch (indication.Kind)
            {
                case UpperLayerIndicationKind.PData:
                    using (var data = (PDataTF)indication.Pdu!)
                    {
                        try
                        {
                            completed.Clear();
                            reader.Read(data, completed);
                            foreach (var (_, message) in completed)
                            {
                                if (message is not DimseResponse response || !Deliver(response))
                                {
                                    throw new DimseProtocolException(AAbortReason.UnexpectedPduParameter, $"Unexpected {message.CommandField}: no matching request outstanding.");
                                }
                            }
                        }
                        catch (DimseProtocolException e)
                        {
                            Fail(new DicomNetworkException(e.Message, e));
                            await _channel.ReportInvalidPduAsync(e.Reason);
                        }
                        catch (DicomFormatException e)
                        {
                            Fail(new DicomNetworkException($"Undecodable DIMSE message: {e.Message}", e));
                            await _channel.AbortAsync();
                        }
                    }

                    break;
                case UpperLayerIndicationKind.ReleaseConfirm:
                    _released.TrySetResult();
                    break;
                case UpperLayerIndicationKind.ReleaseRequest:
                case UpperLayerIndicationKind.ReleaseCollision:
                    Fail(new DicomNetworkException("The peer released the association."));
                    try
                    {
                        await _channel.SendReleaseResponseAsync(CancellationToken.None);
                    }
                    catch (DicomNetworkException)
                    {
                    }

                    break;
                case UpperLayerIndicationKind.Abort:
                case UpperLayerIndicationKind.ProviderAbort:
                    var aborted = new DicomAssociationAbortedException(indication.AbortSource, indication.AbortReason, $"Association aborted: {indication.Detail}");
                    Fail(aborted);
                    if (_releaseRequested)
                    {
                        _released.TrySetException(aborted);
                    }

                    break;
                case UpperLayerIndicationKind.Closed:
                    Fail(new DicomNetworkException("The association is closed."));
                    _released.TrySetResult();
                    return;
            }
        }
    }

    private bool Deliver(DimseResponse response)
    {
        lock (_gate)
        {
            return _inbox is { } inbox && inbox.Writer.TryWrite(response);
        }
    }

    private void Fail(DicomNetworkException exception)
    {
        lock (_gate)
        {
            _terminal ??= exception;
            _inbox?.Writer.TryComplete(_terminal);
        }
    }

    private Channel<DimseResponse> StartOperation()
    {
        lock (_gate)
        {
            ThrowIfTerminalLocked();
            _inbox = Channel.CreateUnbounded<DimseResponse>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
            return _inbox;
        }
    }

    private void EndOperation()
    {
        lock (_gate)
        {
            _inbox = null;
        }
    }

    private void ThrowIfTerminal()
    {
        lock (_gate)
        {
            ThrowIfTerminalLocked();
        }
    }

    private void ThrowIfTerminalLocked()
    {
        if (_terminal is not null)
        {
            throw new DicomNetworkException(_terminal.Message, _terminal);
        }
    }

    private ushort NextMessageId()
    {
        var id = (ushort)Interlocked.Increment(ref _nextMessageId);
        return id == 0 ? (ushort)Interlocked.Increment(ref _nextMessageId) : id;
    }

    private (byte ContextId, DicomTransferSyntax Syntax) ContextFor(string sopClassUid)
    {
        foreach (var context in _accepted.Values)
        {
            if (string.Equals(context.AbstractSyntaxUid, sopClassUid, StringComparison.Ordinal))
            {
                return (context.Id, DicomTransferSyntax.Lookup(context.TransferSyntaxUid)!);
            }
        }

        throw new DicomNetworkException($"No accepted presentation context for SOP class {sopClassUid}.");
    }

    private static T Expect<T>(DimseResponse response)
        where T : DimseResponse =>
        response as T ?? throw new DicomNetworkException($"Expected {typeof(T).Name}, received {response.CommandField}.");

    private static AAssociateRQ BuildRequest(DicomClientOptions options)
    {
        if (options.PresentationContexts.Count > 128)
        {
            throw new ArgumentException("At most 128 presentation contexts can be proposed (odd IDs 1-255).");
        }

        var contexts = options.PresentationContexts
            .Select((syntax, i) => new PresentationContextRQItem((byte)(2 * i + 1), syntax.AbstractSyntaxUid, syntax.TransferSyntaxUids))
            .ToList();
        return new AAssociateRQ
        {
            CalledAETitle = options.CalledAETitle,
            CallingAETitle = options.CallingAETitle,
            ApplicationContextName = WellKnownUids.DicomApplicationContext,
            PresentationContexts = contexts,
            UserInformation = new UserInformation
            {
                MaximumLength = options.MaxPduLength,
                ImplementationClassUid = options.ImplementationClassUid,
                ImplementationVersionName = options.ImplementationVersionName,
            },
        };
    }

    /// <summary>
    /// Pairs each proposed context with the acceptor's answer. An "accepted" context whose transfer syntax
    /// we did not propose, or cannot encode, is treated as rejected.
    /// </summary>
    private static List<PresentationContext> MatchContexts(AAssociateRQ request, AAssociateAC accept)
    {
        var answers = new Dictionary<byte, PresentationContextACItem>();
        foreach (var item in accept.PresentationContexts)
        {
            answers.TryAdd(item.Id, item);
        }

        var result = new List<PresentationContext>(request.PresentationContexts.Count);
        foreach (var proposed in request.PresentationContexts)
        {
            if (!answers.TryGetValue(proposed.Id, out var answer))
            {
                result.Add(new PresentationContext(proposed.Id, proposed.AbstractSyntax, PresentationContextResult.NoReason, string.Empty));
                continue;
            }

            var usable = answer.Result == PresentationContextResult.Acceptance
                && proposed.TransferSyntaxes.Contains(answer.TransferSyntax, StringComparer.Ordinal)
                && DicomTransferSyntax.Lookup(answer.TransferSyntax) is { IsSupported: true };
            result.Add(new PresentationContext(
                proposed.Id,
                proposed.AbstractSyntax,
                usable || answer.Result != PresentationContextResult.Acceptance ? answer.Result : PresentationContextResult.TransferSyntaxesNotSupported,
                usable ? answer.TransferSyntax : string.Empty));
        }

        return result;
    }
}
