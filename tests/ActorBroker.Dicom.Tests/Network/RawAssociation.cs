using System.Net;
using System.Net.Sockets;
using ActorBroker.Dicom.Data;
using ActorBroker.Dicom.Dimse;
using ActorBroker.Dicom.Network;
using ActorBroker.Dicom.Network.Pdus;

namespace ActorBroker.Dicom.Tests.Network;

/// <summary>
/// A requestor built from the Upper Layer parts, without <see cref="DicomClient"/>'s checks: it can put
/// any message on any accepted context and returns the raw command set of the answer.
/// </summary>
internal sealed class RawAssociation : IAsyncDisposable
{
    private readonly UpperLayerChannel _channel;
    private readonly DimseMessageWriter _writer;

    private RawAssociation(UpperLayerChannel channel, uint peerMaxPduLength)
    {
        _channel = channel;
        _writer = new DimseMessageWriter(channel, peerMaxPduLength, 65536);
    }

    /// <summary>Proposes each abstract syntax (IDs 1, 3, ...) with Implicit VR Little Endian only.</summary>
    public static async Task<RawAssociation> ConnectAsync(IPEndPoint endPoint, params string[] abstractSyntaxes)
    {
        var machine = new AssociationStateMachine();
        machine.Fire(AssociationEvent.Evt1);
        var client = new TcpClient { NoDelay = true };
        await client.ConnectAsync(endPoint.Address, endPoint.Port).WaitAsync(TestTimeouts.Default);
        var channel = new UpperLayerChannel(client.GetStream(), machine, TimeProvider.System, TimeSpan.FromSeconds(30), PduReaderLimits.ForMaximumLength(65536));
        await channel.SendAssociateRequestAsync(
            new AAssociateRQ
            {
                CalledAETitle = "ACTORBROKER",
                CallingAETitle = "RAWSCU",
                PresentationContexts = abstractSyntaxes
                    .Select((a, i) => new PresentationContextRQItem((byte)(2 * i + 1), a, [WellKnownUids.ImplicitVRLittleEndian]))
                    .ToList(),
                UserInformation = new UserInformation { MaximumLength = 65536 },
            },
            CancellationToken.None);
        var answer = await channel.ReceiveAsync(CancellationToken.None).AsTask().WaitAsync(TestTimeouts.Default);
        var accept = Assert.IsType<AAssociateAC>(answer.Pdu);
        return new RawAssociation(channel, accept.UserInformation.MaximumLength ?? 0);
    }

    public async Task<(DicomDataset Command, DicomDataset? Dataset)> RequestAsync(byte contextId, DimseMessage message)
    {
        await _writer.SendAsync(contextId, message, DicomTransferSyntax.ImplicitVRLittleEndian, CancellationToken.None);
        var assembler = new DimseMessageAssembler(1024 * 1024);
        DicomDataset? command = null;
        while (true)
        {
            var indication = await _channel.ReceiveAsync(CancellationToken.None).AsTask().WaitAsync(TestTimeouts.Default);
            using var data = Assert.IsType<PDataTF>(indication.Pdu);
            foreach (var pdv in data.Values)
            {
                var status = assembler.Add(pdv);
                if (status == DimseAssemblerStatus.CommandComplete)
                {
                    command = DicomDatasetReader.ReadCommand(assembler.Completed.Span);
                    if (command.GetUInt16(DicomTags.CommandDataSetType) == DimseMessage.NoDataSet)
                    {
                        return (command, null);
                    }

                    assembler.ExpectDataset();
                }
                else if (status == DimseAssemblerStatus.DatasetComplete)
                {
                    return (command!, DicomDatasetReader.Read(assembler.Completed.Span, DicomTransferSyntax.ImplicitVRLittleEndian));
                }
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _channel.AbortAsync();
        await _channel.DisposeAsync();
    }
}
