namespace ActorBroker.Dicom.Dimse;

internal enum DimseAssemblerStatus
{
    /// <summary>More fragments are needed.</summary>
    NeedMore,

    /// <summary>The last command fragment arrived: <see cref="DimseMessageAssembler.Completed"/> holds the command set.</summary>
    CommandComplete,

    /// <summary>The last data set fragment arrived: <see cref="DimseMessageAssembler.Completed"/> holds the data set.</summary>
    DatasetComplete,
}
