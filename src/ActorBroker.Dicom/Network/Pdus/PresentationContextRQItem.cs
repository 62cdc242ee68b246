namespace ActorBroker.Dicom.Network.Pdus;

/// <summary>
/// Presentation Context Item (20H) of an A-ASSOCIATE-RQ, PS3.8 9.3.2.2: an odd context ID,
/// one Abstract Syntax Sub-Item (30H) and one or more Transfer Syntax Sub-Items (40H).
/// </summary>
internal sealed record PresentationContextRQItem(byte Id, string AbstractSyntax, IReadOnlyList<string> TransferSyntaxes)
{
    public void Write(PduWriter writer)
    {
        var length = writer.BeginItem(ItemType.PresentationContextRQ);
        writer.WriteByte(Id);
        writer.WriteZeros(3);
        var abstractSyntax = writer.BeginItem(ItemType.AbstractSyntax);
        writer.WriteAscii(AbstractSyntax);
        writer.EndItem(abstractSyntax);
        foreach (var transferSyntax in TransferSyntaxes)
        {
            var item = writer.BeginItem(ItemType.TransferSyntax);
            writer.WriteAscii(transferSyntax);
            writer.EndItem(item);
        }

        writer.EndItem(length);
    }

    // PS3.8 9.3.2.2 Presentation Context Item structure (RQ): ID, 3 reserved bytes, sub-items 30H and 40H.
    // Sub-items of other types are skipped; a missing abstract syntax is kept as "" and refused by negotiation.
    public static PresentationContextRQItem Parse(ReadOnlySpan<byte> value)
    {
        var reader = new PduBodyReader(value);
        var id = reader.ReadByte();
        reader.Skip(3);
        var abstractSyntax = string.Empty;
        var transferSyntaxes = new List<string>(4);
        while (reader.Remaining > 0)
        {
            var sub = reader.ReadItem(out var type);
            switch (type)
            {
                case ItemType.AbstractSyntax:
                    abstractSyntax = PduBodyReader.DecodeUid(sub);
                    break;
                case ItemType.TransferSyntax:
                    transferSyntaxes.Add(PduBodyReader.DecodeUid(sub));
                    break;
            }
        }

        return new PresentationContextRQItem(id, abstractSyntax, transferSyntaxes);
    }
}
