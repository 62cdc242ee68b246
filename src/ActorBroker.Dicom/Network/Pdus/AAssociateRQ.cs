namespace ActorBroker.Dicom.Network.Pdus;

/// <summary>A-ASSOCIATE-RQ PDU (01H), PS3.8 9.3.2.</summary>
internal sealed class AAssociateRQ : Pdu
{
    /// <summary>Protocol-version field: bit 0 set = version 1 (the only version defined).</summary>
    public ushort ProtocolVersion { get; init; } = 0x0001;

    public required string CalledAETitle { get; init; }

    public required string CallingAETitle { get; init; }

    /// <summary>Application Context Name; "" when the request carried no Application Context Item.</summary>
    public string ApplicationContextName { get; init; } = ApplicationContextItem.DicomApplicationContextName;

    public IReadOnlyList<PresentationContextRQItem> PresentationContexts { get; init; } = [];

    public UserInformation UserInformation { get; init; } = new();

    public override PduType Type => PduType.AAssociateRQ;

    protected override void WriteBody(PduWriter writer)
    {
        new AssociateFixedFields(ProtocolVersion, CalledAETitle, CallingAETitle).Write(writer);
        ApplicationContextItem.Write(writer, ApplicationContextName);
        foreach (var context in PresentationContexts)
        {
            context.Write(writer);
        }

        UserInformation.Write(writer);
    }

    // PS3.8 9.3.2 A-ASSOCIATE-RQ PDU structure: fixed fields (bytes 7-74), then the variable items
    // 10H (application context), 20H (presentation contexts), 50H (user information). Items of
    // other types are skipped.
    public static AAssociateRQ Parse(ReadOnlySpan<byte> body)
    {
        var reader = new PduBodyReader(body);
        var fixedFields = AssociateFixedFields.Read(ref reader);
        var applicationContext = string.Empty;
        var contexts = new List<PresentationContextRQItem>();
        UserInformation? userInformation = null;
        while (reader.Remaining > 0)
        {
            var item = reader.ReadItem(out var type);
            switch (type)
            {
                case ItemType.ApplicationContext:
                    applicationContext = ApplicationContextItem.Parse(item);
                    break;
                case ItemType.PresentationContextRQ:
                    contexts.Add(PresentationContextRQItem.Parse(item));
                    break;
                case ItemType.UserInformation:
                    userInformation = UserInformation.Parse(item);
                    break;
            }
        }

        return new AAssociateRQ
        {
            ProtocolVersion = fixedFields.ProtocolVersion,
            CalledAETitle = fixedFields.CalledAETitle,
            CallingAETitle = fixedFields.CallingAETitle,
            ApplicationContextName = applicationContext,
            PresentationContexts = contexts,
            UserInformation = userInformation ?? new UserInformation(),
        };
    }
}
