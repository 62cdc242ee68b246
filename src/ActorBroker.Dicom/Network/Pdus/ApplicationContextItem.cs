namespace ActorBroker.Dicom.Network.Pdus;

/// <summary>Application Context Item (10H), PS3.8 9.3.2.1 / 9.3.3.1.</summary>
internal static class ApplicationContextItem
{
    /// <summary>The DICOM Application Context Name, PS3.7 Annex A.2.1.</summary>
    public const string DicomApplicationContextName = "1.2.840.10008.3.1.1.1";

    public static void Write(PduWriter writer, string applicationContextName)
    {
        var length = writer.BeginItem(ItemType.ApplicationContext);
        writer.WriteAscii(applicationContextName);
        writer.EndItem(length);
    }

    // PS3.8 9.3.2.1 Application Context Item structure (the value is the context name UID)
    public static string Parse(ReadOnlySpan<byte> value) => PduBodyReader.DecodeUid(value);
}
