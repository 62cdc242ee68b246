using System.Net;
using ActorBroker.Dicom.Data;
using ActorBroker.Dicom.Dimse;
using ActorBroker.Dicom.Network.Negotiation;
using ActorBroker.Dicom.Network.Pdus;

namespace ActorBroker.Dicom.Network;

/// <summary>
/// One accepted connection on a <see cref="DicomListener"/>, from the transport connection indication
/// (Evt5) to Sta1: negotiates the A-ASSOCIATE-RQ against the policy, then reassembles DIMSE requests and
/// hands them to a <see cref="DimseServiceDispatcher"/>, one at a time (we negotiate a synchronous
/// window), while it keeps reading so a C-CANCEL reaches a running C-FIND.
/// </summary>
internal sealed class DicomAssociation : IAsyncDisposable
{
    private readonly DicomServiceOptions _options;
    private readonly DicomServiceProviders _providers;
    private readonly IDicomAssociationObserver? _observer;
    private readonly UpperLayerChannel _channel;
    private readonly EndPoint? _remoteEndPoint;
    private readonly EndPoint? _localEndPoint;
    private readonly bool _overCapacity;
    private readonly CancellationTokenSource _operations = new();
    private DicomAssociationCloseReason? _closeReason;

    public DicomAssociation(
        long id,
        Stream transport,
        EndPoint? remoteEndPoint,
        EndPoint? localEndPoint,
        DicomServiceOptions options,
        DicomServiceProviders providers,
        IDicomAssociationObserver? observer,
        bool overCapacity,
        Action<AssociationTransition>? onTransition = null)
    {
        Id = id;
        _options = options;
        _providers = providers;
        _observer = observer;
        _remoteEndPoint = remoteEndPoint;
        _localEndPoint = localEndPoint;
        _overCapacity = overCapacity;
        _channel = new UpperLayerChannel(
            transport,
            new AssociationStateMachine(),
            options.TimeProvider,
            options.ArtimTimeout,
            PduReaderLimits.ForMaximumLength(options.Policy.MaxPduLength),
            onTransition);
    }

    public long Id { get; }

    public AssociationState State => _channel.State;

    /// <summary>Runs the connection to its end. Never throws for network or protocol trouble.</summary>
    public async Task RunAsync()
    {
        try
        {
            _channel.TransportConnectionIndication();
            var first = await _channel.ReceiveAsync(CancellationToken.None);
            if (first.Kind != UpperLayerIndicationKind.AssociateRequest)
            {
                // Closed, or a protocol error already answered by the provider (AE-6 reject, AA-1).
                await DrainAsync();
                return;
            }

            var request = (AAssociateRQ)first.Pdu!;
            var info = new AssociationRequestInfo(Id, request.CallingAETitle, request.CalledAETitle, _remoteEndPoint);
            var result = _overCapacity
                ? new NegotiationResult(null, new AAssociateRJ(
                    AssociateRejectResult.RejectedTransient,
                    AssociateRejectSource.ServiceProviderPresentation,
                    AssociateRejectReason.ServiceProviderPresentation.LocalLimitExceeded), [], 0)
                : AssociationNegotiator.Negotiate(_options.Policy, request);

            if (!result.IsAccepted)
            {
                var reject = result.Reject!;
                await _channel.SendAssociateRejectAsync(reject, CancellationToken.None);
                Notify(o => o.OnAssociationRejected(info, new AssociationRejection(reject.Result, reject.Source, reject.Reason)));
                await DrainAsync();
                return;
            }

            var context = new DicomAssociationContext(
                Id,
                request.CallingAETitle,
                request.CalledAETitle,
                _remoteEndPoint,
                _localEndPoint,
                result.PresentationContexts,
                result.PeerMaxPduLength,
                request.UserInformation.ImplementationClassUid,
                request.UserInformation.ImplementationVersionName,
                _options.TimeProvider.GetUtcNow());

            await _channel.SendAssociateAcceptAsync(result.Accept!, CancellationToken.None);
            Notify(o => o.OnAssociationOpened(context));
            var reason = await ServeAsync(context);
            Notify(o => o.OnAssociationClosed(context, reason));
        }
        catch (DicomNetworkException)
        {
            await DrainAsync();
        }
        finally
        {
            await _operations.CancelAsync();
            await DisposeAsync();
        }
    }

    public ValueTask DisposeAsync() => _channel.DisposeAsync();

    /// <summary>Listener shutdown: A-ABORT (where an association exists) and close the transport.</summary>
    public async Task ShutdownAsync()
    {
        _closeReason ??= DicomAssociationCloseReason.Shutdown;
        await _channel.AbortAsync();
        await _channel.DisposeAsync();
    }

    private async Task<DicomAssociationCloseReason> ServeAsync(DicomAssociationContext context)
    {
        var accepted = context.PresentationContexts.Where(c => c.IsAccepted).ToDictionary(c => c.Id);
        var writer = new DimseMessageWriter(_channel, context.PeerMaxPduLength, _options.Policy.MaxPduLength);
        var dispatcher = new DimseServiceDispatcher(_providers, context, writer, accepted);
        var reader = new DimseMessageReader(accepted, _options.MaxDatasetLength);
        var completed = new List<(byte ContextId, DimseMessage Message)>(1);
        var operations = _operations.Token;
        var current = Task.CompletedTask;

        while (true)
        {
            UpperLayerIndication indication;
            var idle = current.IsCompleted && _options.IdleTimeout != Timeout.InfiniteTimeSpan && _channel.State == AssociationState.Sta6;
            using (var idleTimer = idle ? new CancellationTokenSource(_options.IdleTimeout, _options.TimeProvider) : null)
            {
                try
                {
                    indication = await _channel.ReceiveAsync(idleTimer?.Token ?? CancellationToken.None);
                }
                catch (OperationCanceledException)
                {
                    _closeReason ??= DicomAssociationCloseReason.IdleTimeout;
                    await _channel.AbortAsync();
                    continue;
                }
            }

            switch (indication.Kind)
            {
                case UpperLayerIndicationKind.PData:
                    using (var data = (PDataTF)indication.Pdu!)
                    {
                        try
                        {
                            completed.Clear();
                            reader.Read(data, completed);
                            foreach (var (contextId, message) in completed)
                            {
                                current = await DeliverAsync(contextId, message, dispatcher, current, operations);
                            }
                        }
                        catch (DimseProtocolException e)
                        {
                            _closeReason ??= DicomAssociationCloseReason.ProtocolError;
                            await _operations.CancelAsync();
                            await _channel.ReportInvalidPduAsync(e.Reason);
                        }
                        catch (DicomFormatException)
                        {
                            // An undecodable command set or data set: a DIMSE-level failure, so the DIMSE
                            // user aborts (PS3.7 8.2: "...the DIMSE service-user shall issue an A-ABORT").
                            _closeReason ??= DicomAssociationCloseReason.ProtocolError;
                            await _operations.CancelAsync();
                            await _channel.AbortAsync();
                        }
                    }

                    break;

                case UpperLayerIndicationKind.ReleaseRequest:
                case UpperLayerIndicationKind.ReleaseCollision:
                    // The requestor has no operation outstanding when it releases; if it had, let it finish (AR-7).
                    await WaitQuietlyAsync(current);
                    _closeReason ??= DicomAssociationCloseReason.Released;
                    try
                    {
                        await _channel.SendReleaseResponseAsync(CancellationToken.None);
                    }
                    catch (DicomNetworkException)
                    {
                    }

                    break;

                case UpperLayerIndicationKind.Abort:
                    _closeReason ??= DicomAssociationCloseReason.PeerAborted;
                    _operations.Cancel();
                    break;

                case UpperLayerIndicationKind.ProviderAbort:
                    _closeReason ??= indication.Pdu is null && indication.AbortReason == AAbortReason.ReasonNotSpecified && _channel.LastTransition?.Action == AssociationAction.AA4
                        ? DicomAssociationCloseReason.ConnectionClosed
                        : DicomAssociationCloseReason.ProtocolError;
                    _operations.Cancel();
                    break;

                case UpperLayerIndicationKind.Closed:
                    _operations.Cancel();
                    await WaitQuietlyAsync(current);
                    return _closeReason ?? DicomAssociationCloseReason.ConnectionClosed;
            }
        }
    }

    private static async Task<Task> DeliverAsync(byte contextId, DimseMessage message, DimseServiceDispatcher dispatcher, Task current, CancellationToken operations)
    {
        switch (message)
        {
            case CCancelRequest cancel:
                dispatcher.Cancel(cancel.MessageIDBeingRespondedTo);
                return current;
            case DimseRequest request:
                // A synchronous window: a request that arrives while one runs waits for it (we stop reading meanwhile).
                await WaitQuietlyAsync(current);
                return Task.Run(() => RunQuietlyAsync(dispatcher, contextId, request, operations), CancellationToken.None);
            default:
                throw new DimseProtocolException(AAbortReason.UnexpectedPduParameter, $"{message.CommandField} is a response; this association only serves requests.");
        }
    }

    private static async Task RunQuietlyAsync(DimseServiceDispatcher dispatcher, byte contextId, DimseRequest request, CancellationToken operations)
    {
        try
        {
            await dispatcher.HandleAsync(contextId, request, operations);
        }
        catch (DicomNetworkException)
        {
            // The association is going away; the receive loop reports how.
        }
        catch (OperationCanceledException) when (operations.IsCancellationRequested)
        {
        }
    }

    private static async Task WaitQuietlyAsync(Task task)
    {
        try
        {
            await task;
        }
        catch (Exception)
        {
            // RunQuietlyAsync already swallows the expected failures; nothing else should reach here.
        }
    }

    private async Task DrainAsync()
    {
        while ((await _channel.ReceiveAsync(CancellationToken.None)).Kind != UpperLayerIndicationKind.Closed)
        {
        }
    }

    private void Notify(Action<IDicomAssociationObserver> notify)
    {
        if (_observer is null)
        {
            return;
        }

        try
        {
            notify(_observer);
        }
        catch (Exception)
        {
            // An observer must not break the association.
        }
    }
}
