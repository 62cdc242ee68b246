namespace ActorBroker.Dicom.Data;

/// <summary>
/// An <see cref="IDicomDatasetEncoder"/> that holds its bytes already encoded (a worklist item's whole response):
/// the DIMSE writer cuts its PDVs from them directly instead of having them copied into its own buffer first.
/// </summary>
internal interface IEncodedDataset : IDicomDatasetEncoder
{
    /// <summary>The data set in <paramref name="syntax"/>, exactly what <see cref="IDicomDatasetEncoder.Encode"/> writes; not to be modified.</summary>
    ReadOnlyMemory<byte> Encoded(DicomTransferSyntax syntax);
}
