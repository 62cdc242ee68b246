using System.Buffers;
using ActorBroker.Dicom.Data;

namespace ActorBroker.Dicom.Mwl;

/// <summary>
/// One worklist item's C-FIND response identifier, written when the DIMSE writer sends it: from the query's plan
/// and the entry's encoded values (<see cref="MwlResponseEncoder"/>), or, where the entry has no cached encoding in
/// the target character set, from the dataset the uncached builder made.
/// </summary>
internal sealed class MwlEncodedResponse : IDicomDatasetEncoder
{
    private readonly MwlResponsePlan? _plan;
    private readonly MwlEncodedEntry? _entry;
    private readonly DicomDataset? _dataset;

    public MwlEncodedResponse(MwlResponsePlan plan, MwlEncodedEntry entry)
    {
        _plan = plan;
        _entry = entry;
    }

    public MwlEncodedResponse(DicomDataset dataset) => _dataset = dataset;

    public void Encode(DicomTransferSyntax syntax, IBufferWriter<byte> output)
    {
        if (_dataset is not null)
        {
            DicomDatasetWriter.Write(_dataset, syntax, output);
            return;
        }

        DicomDatasetWriter.EnsureWritable(syntax);
        MwlResponseEncoder.Write(_plan!, _entry!, syntax.IsExplicitVR, output);
    }
}
