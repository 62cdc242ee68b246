using ActorBroker.Dicom.Data;
using ActorBroker.Dicom.Network;
using ActorBroker.Dicom.Network.Pdus;

namespace ActorBroker.Dicom.Dimse;

/// <summary>
/// Sends DIMSE messages as P-DATA-TF PDUs (PS3.8 Annex E, PS3.7 6.3.1): the command set, then the data set,
/// each cut into fragments so that a PDU with one PDV fits the peer's Maximum Length (the PDU variable field:
/// 6 bytes of PDV header plus the fragment). Callers send one message at a time (the dispatcher runs one
/// request at a time, the client one operation at a time), so fragments of two messages never interleave.
/// </summary>
internal sealed class DimseMessageWriter
{
    private readonly UpperLayerChannel _channel;

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

    public async Task SendAsync(byte presentationContextId, DimseMessage message, DicomTransferSyntax transferSyntax, CancellationToken cancellationToken)
    {
        var command = DimseCommandCodec.Encode(message);
        var dataset = message.Dataset is null ? null : DicomDatasetWriter.Write(message.Dataset, transferSyntax);
        cancellationToken.ThrowIfCancellationRequested();

        // Once the first fragment is out the message is finished regardless of cancellation: a half
        // message would break the association for everyone.
        await SendFragmentsAsync(presentationContextId, command, isCommand: true);
        if (dataset is not null)
        {
            await SendFragmentsAsync(presentationContextId, dataset, isCommand: false);
        }
    }

    private async Task SendFragmentsAsync(byte presentationContextId, ReadOnlyMemory<byte> bytes, bool isCommand)
    {
        var offset = 0;
        do
        {
            var size = Math.Min(MaxFragmentLength, bytes.Length - offset);
            var last = offset + size == bytes.Length;
            await _channel.SendPDataAsync(
                presentationContextId,
                PresentationDataValue.ControlHeader(isCommand, last),
                bytes.Slice(offset, size),
                CancellationToken.None);
            offset += size;
        }
        while (offset < bytes.Length);
    }
}
