using ActorBroker.Dicom.CharacterSets;
using ActorBroker.Dicom.Data;
using ActorBroker.Dicom.Dimse;
using ActorBroker.Dicom.Mwl;
using ActorBroker.Dicom.Network;
using ActorBroker.Dicom.Network.Pdus;
using ActorBroker.Domain.Worklist;

namespace ActorBroker.Benchmarks;

/// <summary>
/// The server side of one worklist C-FIND as the association runs it, minus the socket: index and matching, each
/// match written straight from its cached response (<see cref="MwlResponseBuilder.Pending"/>) by the real
/// <see cref="DimseMessageWriter"/> (the shared pending command set, P-DATA-TF framing at a 16 KiB peer maximum,
/// PDUs gathered to 64 KiB per transport write) into a null stream, then the final Success response.
/// </summary>
internal sealed class StreamedFind
{
    private const byte ContextId = 1;
    private readonly DimseMessageWriter _writer;

    public StreamedFind()
    {
        var channel = new UpperLayerChannel(
            Stream.Null,
            new AssociationStateMachine(AssociationState.Sta6, AssociationRole.Acceptor),
            TimeProvider.System,
            TimeSpan.FromSeconds(30),
            PduReaderLimits.ForMaximumLength(65536));
        _writer = new DimseMessageWriter(channel, 16384, 65536);
    }

    /// <summary>Runs the query; returns the number of pending responses written.</summary>
    public int Run(WorklistIndex index, MwlQuery query)
    {
        var pending = new CFindResponse { Status = DicomStatus.Pending, MessageIDBeingRespondedTo = 1, AffectedSOPClassUID = WellKnownUids.ModalityWorklistInformationModelFind };
        var command = DimseCommandCodec.Encode(pending with { DatasetEncoder = Marker.Instance });
        var n = 0;
        foreach (var m in index.Query(query, WorklistBenchmarkData.Site))
        {
            // Stream.Null completes every write at once: the awaits below finish synchronously.
            // As MwlFindProvider yields it and the dispatcher sends it: the shared command set, the item's response as is.
            _writer.SendAsync(ContextId, MwlResponseBuilder.Pending(query, m.Entry, DicomCharacterSet.Utf8, m.Encodings),
                DicomTransferSyntax.ExplicitVRLittleEndian, CancellationToken.None, command, flush: false).GetAwaiter().GetResult();
            n++;
        }

        _writer.SendAsync(ContextId, pending with { Status = DicomStatus.Success }, DicomTransferSyntax.ExplicitVRLittleEndian, CancellationToken.None).GetAwaiter().GetResult();
        return n;
    }

    // Only marks "a data set is present" while the shared command set is encoded.
    private sealed class Marker : IDicomDatasetEncoder
    {
        public static readonly Marker Instance = new();

        public void Encode(DicomTransferSyntax syntax, System.Buffers.IBufferWriter<byte> output) => throw new InvalidOperationException("not written");
    }
}
