namespace ActorBroker.Dicom.Network.Pdus;

/// <summary>
/// Presentation Context Item (21H) of an A-ASSOCIATE-AC, PS3.8 9.3.3.2: the context ID of the
/// request, the result, and one Transfer Syntax Sub-Item (40H), significant only on acceptance.
/// </summary>
internal sealed record PresentationContextACItem(byte Id, PresentationContextResult Result, string TransferSyntax)
{
    public void Write(PduWriter writer)
    {
        var length = writer.BeginItem(ItemType.PresentationContextAC);
        writer.WriteByte(Id);
        writer.WriteByte(0);
        writer.WriteByte((byte)Result);
        writer.WriteByte(0);
        var transferSyntax = writer.BeginItem(ItemType.TransferSyntax);
        writer.WriteAscii(TransferSyntax);
        writer.EndItem(transferSyntax);
        writer.EndItem(length);
    }

    // PS3.8 9.3.3.2 Presentation Context Item structure (AC): ID, reserved, result/reason, reserved, sub-item 40H.
    // A rejected context may carry no (or an empty) transfer syntax: it "shall not be tested".
    public static PresentationContextACItem Parse(ReadOnlySpan<byte> value)
    {
        var reader = new PduBodyReader(value);
        var id = reader.ReadByte();
        reader.Skip(1);
        var result = reader.ReadByte();
        reader.Skip(1);
        var transferSyntax = string.Empty;
        while (reader.Remaining > 0)
        {
            var sub = reader.ReadItem(out var type);
            if (type == ItemType.TransferSyntax)
            {
                transferSyntax = PduBodyReader.DecodeUid(sub);
            }
        }

        if (result > (byte)PresentationContextResult.TransferSyntaxesNotSupported)
        {
            throw new PduFormatException(
                AAbortReason.InvalidPduParameterValue,
                $"Presentation context {id}: result/reason {result} is not defined.");
        }

        if (result == 0 && transferSyntax.Length == 0)
        {
            throw new PduFormatException(
                AAbortReason.InvalidPduParameterValue,
                $"Presentation context {id} is accepted without a transfer syntax.");
        }

        return new PresentationContextACItem(id, (PresentationContextResult)result, transferSyntax);
    }
}
