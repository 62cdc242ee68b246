using System.Runtime.CompilerServices;
using ActorBroker.Dicom.CharacterSets;
using ActorBroker.Dicom.Data;
using ActorBroker.Dicom.Dimse;
using ActorBroker.Dicom.Mwl;
using ActorBroker.Dicom.Network;
using ActorBroker.Dicom.Network.Negotiation;
using ActorBroker.Dicom.Network.Pdus;
using ActorBroker.Domain.Worklist;

namespace ActorBroker.Benchmarks;

/// <summary>
/// The server side of one worklist C-FIND as the association runs it, minus the socket: the real
/// <see cref="DimseServiceDispatcher"/> with a provider that does what MwlFindProvider does (parse the identifier,
/// query the index for its pending responses (<see cref="WorklistIndex.Responses"/>); without the actor that
/// counts queries), and the real <see cref="DimseMessageWriter"/> (the shared pending command set, P-DATA-TF framing at
/// a 16 KiB peer maximum, PDUs gathered to 64 KiB per transport write) writing into a null stream, then the final
/// Success response.
/// </summary>
internal sealed class StreamedFind
{
    private const byte ContextId = 1;
    private readonly DimseServiceDispatcher _dispatcher;
    private readonly IndexFindProvider _provider;
    private ushort _messageId;

    public StreamedFind()
    {
        var channel = new UpperLayerChannel(
            Stream.Null,
            new AssociationStateMachine(AssociationState.Sta6, AssociationRole.Acceptor),
            TimeProvider.System,
            TimeSpan.FromSeconds(30),
            PduReaderLimits.ForMaximumLength(65536));
        var writer = new DimseMessageWriter(channel, 16384, 65536);
        var context = new PresentationContext(ContextId, WellKnownUids.ModalityWorklistInformationModelFind, PresentationContextResult.Acceptance, DicomTransferSyntax.ExplicitVRLittleEndian.Uid);
        var association = new DicomAssociationContext(1, "CT01", "BROKER", null, null, [context], 16384, null, null, DateTimeOffset.UtcNow);
        _provider = new IndexFindProvider();
        _dispatcher = new DimseServiceDispatcher(new DicomServiceProviders { Find = _provider }, association, writer, new Dictionary<byte, PresentationContext> { [ContextId] = context });
    }

    /// <summary>Runs the query; returns the number of pending responses written.</summary>
    public int Run(WorklistIndex index, MwlQuery query)
    {
        _provider.Index = index;
        var request = new CFindRequest { AffectedSOPClassUID = WellKnownUids.ModalityWorklistInformationModelFind, MessageID = ++_messageId, Dataset = query.Identifier };

        // Stream.Null completes every write at once: the dispatcher finishes synchronously.
        _dispatcher.HandleAsync(ContextId, request, CancellationToken.None).GetAwaiter().GetResult();
        return _provider.LastMatches;
    }

    // MwlFindProvider's C-FIND path (PS3.4 K.4.1.2): parse, query the index, one pending response per match.
    private sealed class IndexFindProvider : ICFindProvider
    {
        public WorklistIndex Index { get; set; } = null!;

        public int LastMatches { get; private set; }

        public async IAsyncEnumerable<CFindResponse> OnCFindAsync(DicomAssociationContext context, CFindRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await Task.CompletedTask;
            var query = MwlQuery.Parse(request.Dataset!);
            var sent = 0;
            foreach (var response in Index.Responses(query, DicomCharacterSet.Utf8, WorklistBenchmarkData.Site))
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    break;
                }

                yield return response;
                sent++;
            }

            LastMatches = sent;
        }
    }
}
