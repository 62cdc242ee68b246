using ActorBroker.Dicom.Data;

namespace ActorBroker.Dicom.Dimse;

/// <summary>
/// A DIMSE message (PS3.7 6.3): a command set and, when present, one data set. Derived types are the
/// messages of PS3.7 9 and 10, each naming its command fields as the standard does.
/// </summary>
public abstract record DimseMessage
{
    /// <summary>Command Data Set Type (0000,0800) "no data set present" (PS3.7 E.1).</summary>
    public const ushort NoDataSet = 0x0101;

    /// <summary>
    /// What we send for "a data set is present": PS3.7 E.1 allows any value other than 0101H; 0001H is
    /// what dcmtk and pynetdicom send.
    /// </summary>
    public const ushort DataSetPresent = 0x0001;

    public abstract DimseCommandField CommandField { get; }

    /// <summary>The data set that follows the command (C-FIND identifier, C-STORE data set, N-CREATE/N-SET attribute list), or null.</summary>
    public DicomDataset? Dataset { get; init; }

    /// <summary>
    /// A data set that writes its own bytes in the negotiated transfer syntax (<see cref="IDicomDatasetEncoder"/>),
    /// sent instead of <see cref="Dataset"/> when set: for providers that keep their answers encoded.
    /// </summary>
    public IDicomDatasetEncoder? DatasetEncoder { get; init; }

    /// <summary>True when a data set follows the command (<see cref="Dataset"/> or <see cref="DatasetEncoder"/>).</summary>
    public bool HasDataset => Dataset is not null || DatasetEncoder is not null;

    /// <summary>The command set: Command Field, the fields of the message, Command Data Set Type.</summary>
    internal DicomDataset ToCommand()
    {
        var command = new DicomDataset();
        command.SetUInt16(DicomTags.CommandField, (ushort)CommandField);
        WriteFields(command);
        command.SetUInt16(DicomTags.CommandDataSetType, HasDataset ? DataSetPresent : NoDataSet);
        return command;
    }

    private protected abstract void WriteFields(DicomDataset command);
}
