namespace ActorBroker.Dicom.Network.Pdus;

/// <summary>Item-type values inside A-ASSOCIATE PDUs, PS3.8 9.3.2 / 9.3.3 and PS3.7 Annex D.3.3.</summary>
internal static class ItemType
{
    public const byte ApplicationContext = 0x10;
    public const byte PresentationContextRQ = 0x20;
    public const byte PresentationContextAC = 0x21;
    public const byte AbstractSyntax = 0x30;
    public const byte TransferSyntax = 0x40;
    public const byte UserInformation = 0x50;
    public const byte MaximumLength = 0x51;
    public const byte ImplementationClassUid = 0x52;
    public const byte AsynchronousOperationsWindow = 0x53;
    public const byte ScpScuRoleSelection = 0x54;
    public const byte ImplementationVersionName = 0x55;
}
