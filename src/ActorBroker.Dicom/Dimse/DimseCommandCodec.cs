using ActorBroker.Dicom.Data;

namespace ActorBroker.Dicom.Dimse;

/// <summary>Command sets to and from bytes: PS3.7 6.3.1 and E.1 (group 0000, Implicit VR Little Endian).</summary>
internal static class DimseCommandCodec
{
    public static byte[] Encode(DimseMessage message) => DicomDatasetWriter.WriteCommand(message.ToCommand());

    // PS3.7 E.1 Command Set structure: dispatch on Command Field (0000,0100); Command Data Set Type (0000,0800)
    // says whether a data set follows (0101H: none). Malformed or incomplete command sets throw DicomFormatException.
    public static (DimseMessage Message, bool HasDataset) Decode(ReadOnlySpan<byte> bytes)
    {
        var command = DicomDatasetReader.ReadCommand(bytes);
        if (!command.TryGetUInt16(DicomTags.CommandField, out var rawField))
        {
            throw new DicomFormatException("Command set lacks Command Field (0000,0100).");
        }

        if (!command.TryGetUInt16(DicomTags.CommandDataSetType, out var dataSetType))
        {
            throw new DicomFormatException("Command set lacks Command Data Set Type (0000,0800).");
        }

        var field = (DimseCommandField)rawField;
        DimseMessage message = field switch
        {
            DimseCommandField.CEchoRQ => CEchoRequest.FromCommand(command),
            DimseCommandField.CEchoRSP => CEchoResponse.FromCommand(command),
            DimseCommandField.CFindRQ => CFindRequest.FromCommand(command),
            DimseCommandField.CFindRSP => CFindResponse.FromCommand(command),
            DimseCommandField.CCancelRQ => CCancelRequest.FromCommand(command),
            DimseCommandField.CStoreRQ => CStoreRequest.FromCommand(command),
            DimseCommandField.CStoreRSP => CStoreResponse.FromCommand(command),
            DimseCommandField.NCreateRQ => NCreateRequest.FromCommand(command),
            DimseCommandField.NCreateRSP => NCreateResponse.FromCommand(command),
            DimseCommandField.NSetRQ => NSetRequest.FromCommand(command),
            DimseCommandField.NSetRSP => NSetResponse.FromCommand(command),
            DimseCommandField.CGetRQ or DimseCommandField.CMoveRQ or DimseCommandField.NGetRQ or DimseCommandField.NActionRQ
                or DimseCommandField.NDeleteRQ or DimseCommandField.NEventReportRQ => UnsupportedRequest.FromCommand(command, field),
            _ => throw new DicomFormatException($"Command Field 0x{rawField:X4} is not a DIMSE command this library handles."),
        };

        return (message, dataSetType != DimseMessage.NoDataSet);
    }
}
