using System.Buffers;
using ActorBroker.Dicom.Network.Pdus;

namespace ActorBroker.Dicom.Dimse;

/// <summary>
/// Reassembles DIMSE messages from PDVs (PS3.8 Annex E.2, PS3.7 6.3.1): all command fragments, the last
/// one flagged, then - when the command says so - all data set fragments of the same presentation
/// context. Messages are not interleaved. Sizes are bounded; violations throw <see cref="DimseProtocolException"/>.
/// </summary>
internal sealed class DimseMessageAssembler
{
    /// <summary>Command sets are a few hundred bytes; 64 KiB is generous.</summary>
    public const int DefaultMaxCommandLength = 64 * 1024;

    private readonly ArrayBufferWriter<byte> _buffer = new(4096);
    private readonly int _maxCommandLength;
    private readonly long _maxDatasetLength;
    private bool _expectDataset;
    private byte? _contextId;

    public DimseMessageAssembler(long maxDatasetLength, int maxCommandLength = DefaultMaxCommandLength)
    {
        _maxDatasetLength = maxDatasetLength;
        _maxCommandLength = maxCommandLength;
    }

    /// <summary>The presentation context of the message in progress.</summary>
    public byte? PresentationContextId => _contextId;

    /// <summary>The bytes of the command or data set just completed; valid until the next call.</summary>
    public ReadOnlyMemory<byte> Completed => _buffer.WrittenMemory;

    public DimseAssemblerStatus Add(PresentationDataValue pdv)
    {
        if (_contextId is { } current && current != pdv.PresentationContextId)
        {
            throw new DimseProtocolException(
                AAbortReason.UnexpectedPduParameter,
                $"PDV for context {pdv.PresentationContextId} inside a message on context {current}.");
        }

        if (pdv.IsCommand == _expectDataset)
        {
            throw new DimseProtocolException(
                AAbortReason.UnexpectedPduParameter,
                _expectDataset ? "Command fragment where a data set fragment was expected." : "Data set fragment before the command is complete.");
        }

        var limit = _expectDataset ? _maxDatasetLength : _maxCommandLength;
        if (_buffer.WrittenCount + (long)pdv.Data.Length > limit)
        {
            throw new DimseProtocolException(
                AAbortReason.ReasonNotSpecified,
                $"{(_expectDataset ? "Data set" : "Command set")} exceeds the {limit} bytes accepted.");
        }

        _contextId = pdv.PresentationContextId;
        _buffer.Write(pdv.Data.Span);
        if (!pdv.IsLastFragment)
        {
            return DimseAssemblerStatus.NeedMore;
        }

        return _expectDataset ? DimseAssemblerStatus.DatasetComplete : DimseAssemblerStatus.CommandComplete;
    }

    /// <summary>After a command that announces a data set: collect its fragments next, on the same context.</summary>
    public void ExpectDataset()
    {
        _expectDataset = true;
        _buffer.ResetWrittenCount();
    }

    /// <summary>After a complete message: the next PDV starts a new command.</summary>
    public void Reset()
    {
        _expectDataset = false;
        _contextId = null;
        _buffer.ResetWrittenCount();
    }
}
