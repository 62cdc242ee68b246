namespace ActorBroker.Dicom.Network.Pdus;

/// <summary>A-ASSOCIATE-AC PDU (02H), PS3.8 9.3.3.</summary>
internal sealed class AAssociateAC : Pdu
{
    public ushort ProtocolVersion { get; init; } = 0x0001;

    /// <summary>Bytes 11-26: reserved, sent with the Called AE title of the request, not tested on receipt.</summary>
    public required string CalledAETitle { get; init; }

    /// <summary>Bytes 27-42: reserved, sent with the Calling AE title of the request, not tested on receipt.</summary>
    public required string CallingAETitle { get; init; }

    public string ApplicationContextName { get; init; } = ApplicationContextItem.DicomApplicationContextName;

    public IReadOnlyList<PresentationContextACItem> PresentationContexts { get; init; } = [];

    public UserInformation UserInformation { get; init; } = new();

    public override PduType Type => PduType.AAssociateAC;

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

    // PS3.8 9.3.3 A-ASSOCIATE-AC PDU structure: the fixed fields of 9.3.2, then items 10H, 21H, 50H.
    public static AAssociateAC Parse(ReadOnlySpan<byte> body)
    {
        var reader = new PduBodyReader(body);
        var fixedFields = AssociateFixedFields.Read(ref reader);
        var applicationContext = string.Empty;
        var contexts = new List<PresentationContextACItem>();
        UserInformation? userInformation = null;
        while (reader.Remaining > 0)
        {
            var item = reader.ReadItem(out var type);
            switch (type)
            {
                case ItemType.ApplicationContext:
                    applicationContext = ApplicationContextItem.Parse(item);
                    break;
                case ItemType.PresentationContextAC:
                    contexts.Add(PresentationContextACItem.Parse(item));
                    break;
                case ItemType.UserInformation:
                    userInformation = UserInformation.Parse(item);
                    break;
            }
        }

        return new AAssociateAC
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
