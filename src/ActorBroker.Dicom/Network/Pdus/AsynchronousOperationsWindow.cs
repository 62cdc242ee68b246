namespace ActorBroker.Dicom.Network.Pdus;

/// <summary>
/// Asynchronous Operations Window Sub-Item (53H), PS3.7 D.3.3.3. 0 means unlimited; 1/1 is the
/// default (synchronous) mode used when the sub-item is absent.
/// </summary>
internal sealed record AsynchronousOperationsWindow(ushort MaxOperationsInvoked, ushort MaxOperationsPerformed)
{
    public void Write(PduWriter writer)
    {
        var length = writer.BeginItem(ItemType.AsynchronousOperationsWindow);
        writer.WriteUInt16(MaxOperationsInvoked);
        writer.WriteUInt16(MaxOperationsPerformed);
        writer.EndItem(length);
    }

    // PS3.7 D.3.3.3 Asynchronous Operations Window Sub-Item structure: two 16-bit counts.
    public static AsynchronousOperationsWindow Parse(ReadOnlySpan<byte> value)
    {
        var reader = new PduBodyReader(value);
        return new AsynchronousOperationsWindow(reader.ReadUInt16(), reader.ReadUInt16());
    }
}
