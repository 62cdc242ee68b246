using System.Net.Sockets;
using ActorBroker.Dicom.Network.Pdus;

namespace ActorBroker.Dicom.Network;

/// <summary>
/// The I/O shell around <see cref="AssociationStateMachine"/> for one transport connection: every
/// received PDU and every local primitive becomes an event, and the shell executes the effects the
/// machine returns (send a PDU, start/stop ARTIM, close the transport, issue an indication).
/// One task calls <see cref="ReceiveAsync"/>; any task may send. Sends are serialized, and each
/// event is fired in the order its PDU goes on the wire.
/// </summary>
internal sealed class UpperLayerChannel : IAsyncDisposable
{
    private const UpperLayerEffects AnySend =
        UpperLayerEffects.SendAAssociateRQ | UpperLayerEffects.SendAAssociateAC | UpperLayerEffects.SendAAssociateRJ
        | UpperLayerEffects.SendPDataTF | UpperLayerEffects.SendAReleaseRQ | UpperLayerEffects.SendAReleaseRP
        | UpperLayerEffects.SendAAbortServiceUser | UpperLayerEffects.SendAAbortServiceProvider;

    /// <summary>How long an A-ABORT waits for a send in progress before the transport is closed instead.</summary>
    private static readonly TimeSpan AbortSendGrace = TimeSpan.FromSeconds(2);

    private readonly Stream _stream;
    private readonly AssociationStateMachine _machine;
    private readonly object _gate = new();
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly PduWriter _writer = new(16 * 1024);
    private readonly PduReader _reader;
    private readonly ArtimTimer _artim;
    private readonly Action<AssociationTransition>? _onTransition;
    private readonly TaskCompletionSource _idle = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _synchronized = true;
    private int _transportClosed;

    public UpperLayerChannel(
        Stream stream,
        AssociationStateMachine machine,
        TimeProvider timeProvider,
        TimeSpan artimTimeout,
        PduReaderLimits limits,
        Action<AssociationTransition>? onTransition = null)
    {
        _stream = stream;
        _machine = machine;
        _reader = new PduReader(stream, limits);
        _artim = new ArtimTimer(timeProvider, artimTimeout, OnArtimExpired);
        _onTransition = onTransition;
    }

    public AssociationState State
    {
        get
        {
            lock (_gate)
            {
                return _machine.State;
            }
        }
    }

    /// <summary>The last transition executed (diagnostics: how the association ended).</summary>
    public AssociationTransition? LastTransition { get; private set; }

    /// <summary>Completes when the state machine is back in Sta1 and the transport is closed.</summary>
    public Task Idle => _idle.Task;

    public bool IsArtimRunning => _artim.IsRunning;

    /// <summary>Replaced once the association is negotiated (the P-DATA-TF bound follows the maximum length we announced).</summary>
    public PduReaderLimits ReaderLimits
    {
        get => _reader.Limits;
        set => _reader.Limits = value;
    }

    /// <summary>Evt5: a transport connection was accepted (acceptor side). AE-5 starts ARTIM.</summary>
    public void TransportConnectionIndication()
    {
        lock (_gate)
        {
            ApplyLocked(_machine.Fire(AssociationEvent.Evt5));
        }
    }

    /// <summary>Evt2 then AE-2: the transport connected (requestor side); send the A-ASSOCIATE-RQ.</summary>
    public ValueTask SendAssociateRequestAsync(AAssociateRQ request, CancellationToken cancellationToken) =>
        SendAsync(AssociationEvent.Evt2, request, cancellationToken);

    /// <summary>Evt7: A-ASSOCIATE response (accept); AE-7 sends the A-ASSOCIATE-AC.</summary>
    public ValueTask SendAssociateAcceptAsync(AAssociateAC accept, CancellationToken cancellationToken) =>
        SendAsync(AssociationEvent.Evt7, accept, cancellationToken);

    /// <summary>Evt8: A-ASSOCIATE response (reject); AE-8 sends the A-ASSOCIATE-RJ and starts ARTIM.</summary>
    public ValueTask SendAssociateRejectAsync(AAssociateRJ reject, CancellationToken cancellationToken) =>
        SendAsync(AssociationEvent.Evt8, reject, cancellationToken);

    /// <summary>
    /// Evt9, P-DATA request (DT-1 in Sta6, AR-7 in Sta8), for each of <paramref name="pduCount"/> P-DATA-TF PDUs already encoded back to back in
    /// <paramref name="pdus"/> (see <see cref="PDataTF.WriteSingle"/>), then one transport write for all of them.
    /// TCP is a byte stream, so the peer sees exactly the PDUs one write each would have sent; the difference is
    /// one system call instead of two per C-FIND response (command and identifier), which was most of the cost of
    /// streaming thousands of worklist items. Every PDU's event is fired before any byte goes out: in Sta6 and Sta8
    /// Evt9 leaves the state as it is, so the machine cannot refuse a later PDU of the batch after accepting the first.
    /// </summary>
    public ValueTask SendPDataPdusAsync(ReadOnlyMemory<byte> pdus, int pduCount, CancellationToken cancellationToken) =>
        SendAsync(AssociationEvent.Evt9, pduCount, () => pdus, cancellationToken);

    /// <summary>Evt11: A-RELEASE request; AR-1 sends the A-RELEASE-RQ.</summary>
    public ValueTask SendReleaseRequestAsync(CancellationToken cancellationToken) =>
        SendAsync(AssociationEvent.Evt11, AReleaseRQ.Instance, cancellationToken);

    /// <summary>Evt14: A-RELEASE response; AR-4 (or AR-9 in a collision) sends the A-RELEASE-RP.</summary>
    public ValueTask SendReleaseResponseAsync(CancellationToken cancellationToken) =>
        SendAsync(AssociationEvent.Evt14, AReleaseRP.Instance, cancellationToken);

    /// <summary>
    /// Evt15: A-ABORT request (AA-1: send A-ABORT, source service-user, and wait in Sta13 for the
    /// transport to close; AA-2 in Sta4). Where Table 9-10 has no cell (Sta1, Sta2, Sta13) the transport
    /// is just closed, which the receive loop then sees as Evt17.
    /// </summary>
    public async ValueTask AbortAsync()
    {
        // A send blocked on a peer that stopped reading holds the write lock, and the A-ABORT itself may not
        // fit in the socket buffer: wait a little, then close the transport instead (which fails that send).
        using var grace = new CancellationTokenSource(AbortSendGrace);
        try
        {
            await _writeLock.WaitAsync(grace.Token);
        }
        catch (OperationCanceledException)
        {
            CloseTransport();
            return;
        }

        try
        {
            AssociationTransition transition;
            bool fired;
            lock (_gate)
            {
                fired = _machine.TryFire(AssociationEvent.Evt15, out transition);
                if (fired)
                {
                    ApplyLocked(transition);
                }
            }

            if (!fired)
            {
                CloseTransport();
                return;
            }

            if (transition.Has(UpperLayerEffects.SendAAbortServiceUser))
            {
                await TryWriteLockedAsync(new AAbort(AAbortSource.ServiceUser, AAbortReason.ReasonNotSpecified), grace.Token);
            }
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>
    /// Evt19 raised by the layer above for a P-DATA-TF whose content breaks PS3.8 Annex E (a PDV on a
    /// context that was not accepted, fragments out of order): AA-8 sends A-ABORT (service-provider,
    /// <paramref name="reason"/>) and waits in Sta13.
    /// </summary>
    public ValueTask ReportInvalidPduAsync(AAbortReason reason) =>
        FireReceivedAsync(AssociationEvent.Evt19, null, reason, null).AsValueTaskIgnoringResult();

    /// <summary>
    /// Reads until the next indication for the user. PDUs the state machine ignores (AA-6) are skipped;
    /// protocol errors are answered (AA-1/AA-7/AA-8) before the matching indication is returned.
    /// After <see cref="UpperLayerIndicationKind.Closed"/> every call returns Closed again.
    /// </summary>
    public async ValueTask<UpperLayerIndication> ReceiveAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            if (State == AssociationState.Sta1)
            {
                return UpperLayerIndication.Closed;
            }

            if (!_synchronized)
            {
                // The bytes after an unrecognized header are not PDUs: discard them until the peer
                // closes or ARTIM closes the transport.
                await _reader.DrainAsync(cancellationToken);
                var closedIndication = OnTransportClosed("transport closed");
                if (closedIndication is { } drained)
                {
                    return drained;
                }

                continue;
            }

            PduReadResult result;
            try
            {
                result = await _reader.ReadAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                _synchronized = false;
                throw;
            }

            switch (result.Status)
            {
                case PduReadStatus.Closed:
                case PduReadStatus.Truncated:
                    if (OnTransportClosed(result.Detail) is { } closed)
                    {
                        return closed;
                    }

                    continue;
                case PduReadStatus.Invalid:
                    _synchronized = result.StreamSynchronized;
                    if (await FireReceivedAsync(AssociationEvent.Evt19, null, result.Reason, result.Detail) is { } invalid)
                    {
                        return invalid;
                    }

                    continue;
                default:
                    var pdu = result.Pdu!;
                    var received = pdu.Type switch
                    {
                        PduType.AAssociateAC => AssociationEvent.Evt3,
                        PduType.AAssociateRJ => AssociationEvent.Evt4,
                        PduType.AAssociateRQ => AssociationEvent.Evt6,
                        PduType.PDataTF => AssociationEvent.Evt10,
                        PduType.AReleaseRQ => AssociationEvent.Evt12,
                        PduType.AReleaseRP => AssociationEvent.Evt13,
                        _ => AssociationEvent.Evt16,
                    };
                    if (await FireReceivedAsync(received, pdu, AAbortReason.UnexpectedPdu, null) is { } indication)
                    {
                        return indication;
                    }

                    continue;
            }
        }
    }

    public ValueTask DisposeAsync()
    {
        CloseTransport();
        lock (_gate)
        {
            if (_machine.State != AssociationState.Sta1)
            {
                // The transport is gone: Evt17 brings the machine back to Sta1.
                if (_machine.TryFire(AssociationEvent.Evt17, out var transition))
                {
                    ApplyLocked(transition);
                }
            }
        }

        _artim.Dispose();
        return ValueTask.CompletedTask;
    }

    private ValueTask SendAsync(AssociationEvent associationEvent, Pdu pdu, CancellationToken cancellationToken) =>
        SendAsync(associationEvent, 1, () =>
        {
            _writer.Reset();
            pdu.WriteTo(_writer);
            return _writer.WrittenMemory;
        }, cancellationToken);

    // Fires associationEvent once per PDU (all before any byte goes out) and, when the machine says to send, writes the
    // bytes of those PDUs in one transport write; a transport failure closes the transport.
    private async ValueTask SendAsync(AssociationEvent associationEvent, int pduCount, Func<ReadOnlyMemory<byte>> encode, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            var send = false;
            lock (_gate)
            {
                for (var i = 0; i < pduCount; i++)
                {
                    if (!_machine.TryFire(associationEvent, out var transition))
                    {
                        throw new DicomNetworkException(
                            $"Cannot send {Describe(associationEvent)}: the association is in {_machine.State} ({StateDescription(_machine.State)}).");
                    }

                    ApplyLocked(transition);
                    send |= (transition.Effects & AnySend) != 0;
                }
            }

            if (!send)
            {
                return;
            }

            try
            {
                await _stream.WriteAsync(encode(), CancellationToken.None);
            }
            catch (Exception e) when (IsTransportFailure(e))
            {
                CloseTransport();
                throw new DicomNetworkException($"Sending {Describe(associationEvent)} failed: {e.Message}", e);
            }
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private async Task<UpperLayerIndication?> FireReceivedAsync(AssociationEvent received, Pdu? pdu, AAbortReason reason, string? detail)
    {
        AssociationTransition transition;
        bool fired;
        lock (_gate)
        {
            // AE-6: "if A-ASSOCIATE-RQ acceptable by service-provider". The provider checks the one
            // thing that is its own: protocol version 1 (bit 0 of the Protocol-version field).
            var acceptable = pdu is not AAssociateRQ request || (request.ProtocolVersion & 0x0001) != 0;
            fired = _machine.TryFire(received, out transition, acceptable);
            if (fired)
            {
                ApplyLocked(transition);
            }
        }

        if (!fired)
        {
            (pdu as PDataTF)?.Dispose();
            return null;
        }

        if (transition.Has(UpperLayerEffects.SendAAssociateRJ))
        {
            await SendFromProviderAsync(new AAssociateRJ(
                AssociateRejectResult.RejectedPermanent,
                AssociateRejectSource.ServiceProviderAcse,
                AssociateRejectReason.ServiceProviderAcse.ProtocolVersionNotSupported));
        }

        if (transition.Has(UpperLayerEffects.SendAAbortServiceProvider))
        {
            await SendFromProviderAsync(new AAbort(AAbortSource.ServiceProvider, reason));
        }

        var effects = transition.Effects;
        UpperLayerIndication? indication = null;
        if ((effects & UpperLayerEffects.IndicateAssociateRequest) != 0)
        {
            indication = new UpperLayerIndication(UpperLayerIndicationKind.AssociateRequest, pdu);
        }
        else if ((effects & UpperLayerEffects.IndicateAssociateAccept) != 0)
        {
            indication = new UpperLayerIndication(UpperLayerIndicationKind.AssociateAccept, pdu);
        }
        else if ((effects & UpperLayerEffects.IndicateAssociateReject) != 0)
        {
            indication = new UpperLayerIndication(UpperLayerIndicationKind.AssociateReject, pdu);
        }
        else if ((effects & UpperLayerEffects.IndicatePData) != 0)
        {
            indication = new UpperLayerIndication(UpperLayerIndicationKind.PData, pdu);
        }
        else if ((effects & UpperLayerEffects.IndicateReleaseRequest) != 0)
        {
            indication = new UpperLayerIndication(UpperLayerIndicationKind.ReleaseRequest, pdu);
        }
        else if ((effects & UpperLayerEffects.IndicateReleaseConfirm) != 0)
        {
            indication = new UpperLayerIndication(UpperLayerIndicationKind.ReleaseConfirm, pdu);
        }
        else if ((effects & UpperLayerEffects.IndicateReleaseCollision) != 0)
        {
            indication = new UpperLayerIndication(UpperLayerIndicationKind.ReleaseCollision, pdu);
        }
        else if ((effects & UpperLayerEffects.IndicateAbort) != 0 && pdu is AAbort abort)
        {
            indication = abort.Source == AAbortSource.ServiceUser
                ? new UpperLayerIndication(UpperLayerIndicationKind.Abort, pdu, AAbortSource.ServiceUser, AAbortReason.ReasonNotSpecified, "A-ABORT from the peer's service-user")
                : new UpperLayerIndication(UpperLayerIndicationKind.ProviderAbort, pdu, abort.Source, abort.Reason, $"A-P-ABORT from the peer ({abort.Reason})");
        }
        else if ((effects & UpperLayerEffects.IndicateProviderAbort) != 0)
        {
            indication = new UpperLayerIndication(
                UpperLayerIndicationKind.ProviderAbort,
                pdu,
                AAbortSource.ServiceProvider,
                reason,
                detail ?? $"{Describe(received)} is not expected in {transition.From}");
        }

        if (indication is null || indication.Value.Kind != UpperLayerIndicationKind.PData)
        {
            (pdu as PDataTF)?.Dispose();
        }

        return indication;
    }

    /// <summary>A reject or abort the provider answers with; bounded like <see cref="AbortAsync"/>.</summary>
    private async ValueTask SendFromProviderAsync(Pdu pdu)
    {
        using var grace = new CancellationTokenSource(AbortSendGrace);
        try
        {
            await _writeLock.WaitAsync(grace.Token);
        }
        catch (OperationCanceledException)
        {
            CloseTransport();
            return;
        }

        try
        {
            await TryWriteLockedAsync(pdu, grace.Token);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private async ValueTask TryWriteLockedAsync(Pdu pdu, CancellationToken cancellationToken)
    {
        _writer.Reset();
        pdu.WriteTo(_writer);
        try
        {
            await _stream.WriteAsync(_writer.WrittenMemory, cancellationToken);
        }
        catch (Exception e) when (IsTransportFailure(e) || e is OperationCanceledException)
        {
            // The receive loop sees the closed transport as Evt17.
            CloseTransport();
        }
    }

    private UpperLayerIndication? OnTransportClosed(string? detail)
    {
        AssociationTransition transition;
        lock (_gate)
        {
            if (_machine.State == AssociationState.Sta1 || !_machine.TryFire(AssociationEvent.Evt17, out transition))
            {
                CloseTransport();
                return UpperLayerIndication.Closed;
            }

            ApplyLocked(transition);
        }

        if (transition.Has(UpperLayerEffects.IndicateProviderAbort))
        {
            return new UpperLayerIndication(
                UpperLayerIndicationKind.ProviderAbort,
                AbortSource: AAbortSource.ServiceProvider,
                AbortReason: AAbortReason.ReasonNotSpecified,
                Detail: $"transport connection closed in {transition.From}: {detail}");
        }

        return UpperLayerIndication.Closed;
    }

    private void OnArtimExpired()
    {
        lock (_gate)
        {
            if (_machine.TryFire(AssociationEvent.Evt18, out var transition))
            {
                ApplyLocked(transition);
            }
        }
    }

    /// <summary>Executes the non-I/O effects of a transition (timers, close). Caller holds <see cref="_gate"/>.</summary>
    private void ApplyLocked(AssociationTransition transition)
    {
        LastTransition = transition;
        if (transition.Has(UpperLayerEffects.StartArtim))
        {
            _artim.Start();
        }
        else if (transition.Has(UpperLayerEffects.StopArtim))
        {
            _artim.Stop();
        }

        if (transition.Has(UpperLayerEffects.CloseTransport) || transition.To == AssociationState.Sta1)
        {
            _artim.Stop();
            CloseTransport();
            _idle.TrySetResult();
        }

        _onTransition?.Invoke(transition);
    }

    private void CloseTransport()
    {
        if (Interlocked.Exchange(ref _transportClosed, 1) == 0)
        {
            try
            {
                _stream.Dispose();
            }
            catch (Exception e) when (IsTransportFailure(e))
            {
            }
        }
    }

    private static bool IsTransportFailure(Exception e) =>
        e is IOException or SocketException or ObjectDisposedException;

    private static string Describe(AssociationEvent associationEvent) => associationEvent switch
    {
        AssociationEvent.Evt2 => "A-ASSOCIATE-RQ",
        AssociationEvent.Evt7 => "A-ASSOCIATE-AC",
        AssociationEvent.Evt8 => "A-ASSOCIATE-RJ",
        AssociationEvent.Evt9 => "P-DATA-TF",
        AssociationEvent.Evt11 => "A-RELEASE-RQ",
        AssociationEvent.Evt14 => "A-RELEASE-RP",
        AssociationEvent.Evt3 => "A-ASSOCIATE-AC PDU",
        AssociationEvent.Evt4 => "A-ASSOCIATE-RJ PDU",
        AssociationEvent.Evt6 => "A-ASSOCIATE-RQ PDU",
        AssociationEvent.Evt10 => "P-DATA-TF PDU",
        AssociationEvent.Evt12 => "A-RELEASE-RQ PDU",
        AssociationEvent.Evt13 => "A-RELEASE-RP PDU",
        AssociationEvent.Evt16 => "A-ABORT PDU",
        AssociationEvent.Evt19 => "invalid PDU",
        _ => associationEvent.ToString(),
    };

    private static string StateDescription(AssociationState state) => state switch
    {
        AssociationState.Sta1 => "closed",
        AssociationState.Sta13 => "association no longer exists",
        AssociationState.Sta6 => "established",
        >= AssociationState.Sta7 and <= AssociationState.Sta12 => "being released",
        _ => "being established",
    };
}
