using ActorBroker.Dicom.Data;
using ActorBroker.Dicom.Network.Negotiation;
using ActorBroker.Dicom.Network.Pdus;

namespace ActorBroker.Dicom.Dimse;

/// <summary>
/// Turns the PDVs of received P-DATA-TF PDUs into DIMSE messages: checks each PDV's context was accepted,
/// reassembles (<see cref="DimseMessageAssembler"/>), decodes the command set and, when one follows, the
/// data set in the context's transfer syntax. Protocol violations throw <see cref="DimseProtocolException"/>,
/// undecodable command or data sets <see cref="DicomFormatException"/>.
/// </summary>
internal sealed class DimseMessageReader
{
    private readonly IReadOnlyDictionary<byte, PresentationContext> _accepted;
    private readonly DimseMessageAssembler _assembler;
    private DimseMessage? _pendingCommand;

    public DimseMessageReader(IReadOnlyDictionary<byte, PresentationContext> accepted, long maxDatasetLength)
    {
        _accepted = accepted;
        _assembler = new DimseMessageAssembler(maxDatasetLength);
    }

    /// <summary>Adds the PDVs of one P-DATA-TF; appends every message they complete, in order.</summary>
    public void Read(PDataTF pdata, List<(byte ContextId, DimseMessage Message)> completed)
    {
        foreach (var pdv in pdata.Values)
        {
            if (!_accepted.TryGetValue(pdv.PresentationContextId, out var context))
            {
                throw new DimseProtocolException(
                    AAbortReason.InvalidPduParameterValue,
                    $"PDV on presentation context {pdv.PresentationContextId}, which was not accepted.");
            }

            var status = _assembler.Add(pdv);
            if (status == DimseAssemblerStatus.NeedMore)
            {
                continue;
            }

            DimseMessage message;
            if (status == DimseAssemblerStatus.CommandComplete)
            {
                var (decoded, hasDataset) = DimseCommandCodec.Decode(_assembler.Completed.Span);
                if (hasDataset)
                {
                    _pendingCommand = decoded;
                    _assembler.ExpectDataset();
                    continue;
                }

                message = decoded;
            }
            else
            {
                var syntax = DicomTransferSyntax.Lookup(context.TransferSyntaxUid) ?? DicomTransferSyntax.ImplicitVRLittleEndian;
                message = _pendingCommand! with { Dataset = DicomDatasetReader.Read(_assembler.Completed.Span, syntax) };
                _pendingCommand = null;
            }

            _assembler.Reset();
            completed.Add((pdv.PresentationContextId, message));
        }
    }
}
