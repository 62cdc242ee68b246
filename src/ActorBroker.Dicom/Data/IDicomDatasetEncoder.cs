using System.Buffers;

namespace ActorBroker.Dicom.Data;

/// <summary>
/// A data set that writes itself in the negotiated transfer syntax (PS3.5 7.1, Annex A), for a service provider
/// that keeps what it answers with already encoded (the worklist keeps each item's values encoded per character
/// set): the DIMSE writer asks it for the bytes instead of encoding a <see cref="DicomDataset"/> element by
/// element. The bytes must be exactly a data set in <paramref name="syntax"/>.
/// </summary>
public interface IDicomDatasetEncoder
{
    /// <summary>Writes the data set in <paramref name="syntax"/> (Implicit or Explicit VR Little Endian) to <paramref name="output"/>.</summary>
    void Encode(DicomTransferSyntax syntax, IBufferWriter<byte> output);
}
