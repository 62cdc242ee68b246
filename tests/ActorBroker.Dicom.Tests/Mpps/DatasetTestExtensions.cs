using ActorBroker.Dicom.Data;

namespace ActorBroker.Dicom.Tests.Mpps;

/// <summary>Edit a dataset inline while building it.</summary>
internal static class DatasetTestExtensions
{
    public static DicomDataset Also(this DicomDataset ds, Action<DicomDataset> change)
    {
        change(ds);
        return ds;
    }
}
