using System.Buffers;
using ActorBroker.Dicom.Data;
using ActorBroker.Dicom.Network;
using ActorBroker.Dicom.Network.Pdus;

namespace ActorBroker.Dicom.Dimse;

/// <summary>
/// Sends DIMSE messages as P-DATA-TF PDUs (PS3.8 Annex E, PS3.7 6.3.1): the command set, then the data set,
/// each cut into fragments so that a PDU with one PDV fits the peer's Maximum Length (the PDU variable field:
/// 6 bytes of PDV header plus the fragment); a message whose command and data set fit in one PDU together goes
/// as one PDU with two PDVs. Callers send one message at a time (the dispatcher runs one
/// request at a time, the client one operation at a time), so fragments of two messages never interleave.
/// <para>
/// The PDUs are gathered in one buffer and handed to the transport in one write: per message by default, or,
/// when the caller says more messages follow at once (<c>flush: false</c>, a C-FIND streaming its matches), until
/// <see cref="FlushThreshold"/> bytes are waiting or <see cref="FlushAsync"/> is called. The peer receives the
/// same PDUs either way; what changes is two system calls per C-FIND response becoming one per ~64 KiB.
/// </para>
/// </summary>
#pragma warning disable CA1001 // the SemaphoreSlim never creates its wait handle (no AvailableWaitHandle): nothing to dispose
internal sealed class DimseMessageWriter
#pragma warning restore CA1001
{
    /// <summary>Bytes of PDUs gathered before they are written even when more messages are coming.</summary>
    public const int FlushThreshold = 64 * 1024;

    private readonly UpperLayerChannel _channel;
    private readonly SemaphoreSlim _lock = new(1, 1);
    private readonly PduWriter _pending = new(FlushThreshold + 1024);
    private readonly ArrayBufferWriter<byte> _dataset = new(4096);
    private int _pendingPdus;

    /// <param name="channel">The association's channel.</param>
    /// <param name="peerMaxPduLength">The peer's Maximum Length (0 = unlimited).</param>
    /// <param name="ownMaxPduLength">Used when the peer announces no limit: we send no PDU larger than we accept.</param>
    public DimseMessageWriter(UpperLayerChannel channel, uint peerMaxPduLength, uint ownMaxPduLength)
    {
        _channel = channel;
        var max = peerMaxPduLength == 0 ? ownMaxPduLength : peerMaxPduLength;
        MaxFragmentLength = (int)Math.Max(1, Math.Min(max, int.MaxValue) - PDataTF.PdvOverhead);
    }

    public int MaxFragmentLength { get; }

    /// <summary>
    /// Sends <paramref name="message"/>. <paramref name="flush"/> false lets the PDUs wait for the next message's (see
    /// the class remarks); messages that share one encoded command set go through <see cref="SendManyAsync"/>.
    /// </summary>
    public async Task SendAsync(
        byte presentationContextId,
        DimseMessage message,
        DicomTransferSyntax transferSyntax,
        CancellationToken cancellationToken,
        bool flush = true)
    {
        await _lock.WaitAsync(CancellationToken.None);
        try
        {
            await AppendLockedAsync(presentationContextId, message, transferSyntax, DimseCommandCodec.Encode(message), cancellationToken);
            if (flush)
            {
                await FlushLockedAsync();
            }
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>
    /// Sends <paramref name="messages"/>, which all have the command set <paramref name="encodedCommand"/> (a
    /// C-FIND's pending responses), one after the other under one acquisition of the writer: the same PDUs as
    /// that many <see cref="SendAsync"/> calls with <c>flush: false</c>, for a fraction of the per-message cost.
    /// They wait for the next message's PDUs (or 64 KiB) like those.
    /// </summary>
    public async Task SendManyAsync(
        byte presentationContextId,
        IReadOnlyList<DimseMessage> messages,
        DicomTransferSyntax transferSyntax,
        ReadOnlyMemory<byte> encodedCommand,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        if (encodedCommand.IsEmpty)
        {
            throw new ArgumentException("The messages' shared command set is required.", nameof(encodedCommand));
        }

        await _lock.WaitAsync(CancellationToken.None);
        try
        {
            for (var i = 0; i < messages.Count; i++)
            {
                var append = AppendLockedAsync(presentationContextId, messages[i], transferSyntax, encodedCommand, cancellationToken);
                if (!append.IsCompletedSuccessfully)
                {
                    await append; // a flush past the threshold that the transport did not finish at once
                }
            }
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Writes whatever PDUs are waiting.</summary>
    public async Task FlushAsync()
    {
        await _lock.WaitAsync(CancellationToken.None);
        try
        {
            await FlushLockedAsync();
        }
        finally
        {
            _lock.Release();
        }
    }

    // PS3.7 6.3.1 / PS3.8 9.3.5: the command set, then the data set, gathered as P-DATA-TF PDUs.
    private Task AppendLockedAsync(byte presentationContextId, DimseMessage message, DicomTransferSyntax transferSyntax, ReadOnlyMemory<byte> command, CancellationToken cancellationToken)
    {
        ReadOnlyMemory<byte>? dataset = null;
        if (message.DatasetEncoder is IEncodedDataset encoded)
        {
            dataset = encoded.Encoded(transferSyntax);
        }
        else if (message.DatasetEncoder is { } encoder)
        {
            _dataset.ResetWrittenCount();
            encoder.Encode(transferSyntax, _dataset);
            dataset = _dataset.WrittenMemory;
        }
        else if (message.Dataset is not null)
        {
            dataset = DicomDatasetWriter.Write(message.Dataset, transferSyntax);
        }

        cancellationToken.ThrowIfCancellationRequested();

        // Once the first fragment is gathered the message is finished regardless of cancellation: a half
        // message would break the association for everyone.
        if (dataset is { } small && command.Length + small.Length + PDataTF.PdvOverhead <= MaxFragmentLength)
        {
            // Both fit in one PDU of the peer's maximum: one P-DATA-TF with two PDVs (a C-FIND match, an N-SET).
            PDataTF.WritePair(_pending, presentationContextId, command.Span, small.Span);
            return PduGatheredAsync();
        }

        return AppendFragmentsAsync(presentationContextId, command, dataset);
    }

    private async Task AppendFragmentsAsync(byte presentationContextId, ReadOnlyMemory<byte> command, ReadOnlyMemory<byte>? dataset)
    {
        await AppendFragmentsAsync(presentationContextId, command, isCommand: true);
        if (dataset is { } bytes)
        {
            await AppendFragmentsAsync(presentationContextId, bytes, isCommand: false);
        }
    }

    private async Task AppendFragmentsAsync(byte presentationContextId, ReadOnlyMemory<byte> bytes, bool isCommand)
    {
        var offset = 0;
        do
        {
            var size = Math.Min(MaxFragmentLength, bytes.Length - offset);
            var last = offset + size == bytes.Length;
            PDataTF.WriteSingle(_pending, presentationContextId, PresentationDataValue.ControlHeader(isCommand, last), bytes.Span.Slice(offset, size));
            offset += size;
            await PduGatheredAsync();
        }
        while (offset < bytes.Length);
    }

    // One more PDU is gathered; past the threshold they go out now, so a large data set is written as it is cut,
    // not gathered whole: memory stays bounded.
    private Task PduGatheredAsync()
    {
        _pendingPdus++;
        return _pending.Position >= FlushThreshold ? FlushLockedAsync() : Task.CompletedTask;
    }

    private async Task FlushLockedAsync()
    {
        if (_pendingPdus == 0)
        {
            return;
        }

        try
        {
            await _channel.SendPDataPdusAsync(_pending.WrittenMemory, _pendingPdus, CancellationToken.None);
        }
        finally
        {
            _pending.Reset();
            _pendingPdus = 0;
        }
    }
}
