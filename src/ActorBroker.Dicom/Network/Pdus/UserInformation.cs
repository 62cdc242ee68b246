namespace ActorBroker.Dicom.Network.Pdus;

/// <summary>
/// User Information Item (50H), PS3.8 9.3.2.3 / 9.3.3.3, with the sub-items this library speaks:
/// Maximum Length (51H, PS3.8 D.1), Implementation Class UID (52H) and Implementation Version Name
/// (55H, PS3.7 D.3.3.2), Asynchronous Operations Window (53H, D.3.3.3), SCP/SCU Role Selection
/// (54H, D.3.3.4). Other sub-items (extended negotiation, user identity...) are skipped on read.
/// </summary>
internal sealed record UserInformation
{
    /// <summary>Maximum length of the variable field of P-DATA-TF PDUs the sender can receive; 0 = no limit; null = absent.</summary>
    public uint? MaximumLength { get; init; }

    public string? ImplementationClassUid { get; init; }

    public string? ImplementationVersionName { get; init; }

    public AsynchronousOperationsWindow? AsynchronousOperationsWindow { get; init; }

    public IReadOnlyList<ScpScuRoleSelection> RoleSelections { get; init; } = [];

    public void Write(PduWriter writer)
    {
        var length = writer.BeginItem(ItemType.UserInformation);
        if (MaximumLength is { } maximumLength)
        {
            var item = writer.BeginItem(ItemType.MaximumLength);
            writer.WriteUInt32(maximumLength);
            writer.EndItem(item);
        }

        if (ImplementationClassUid is { } classUid)
        {
            var item = writer.BeginItem(ItemType.ImplementationClassUid);
            writer.WriteAscii(classUid);
            writer.EndItem(item);
        }

        AsynchronousOperationsWindow?.Write(writer);
        foreach (var role in RoleSelections)
        {
            role.Write(writer);
        }

        if (ImplementationVersionName is { } versionName)
        {
            var item = writer.BeginItem(ItemType.ImplementationVersionName);
            writer.WriteAscii(versionName);
            writer.EndItem(item);
        }

        writer.EndItem(length);
    }

    // PS3.8 9.3.2.3 User Information Item structure: a list of sub-items (PS3.7 Annex D.3.3); unknown ones are skipped.
    public static UserInformation Parse(ReadOnlySpan<byte> value)
    {
        var reader = new PduBodyReader(value);
        uint? maximumLength = null;
        string? classUid = null;
        string? versionName = null;
        AsynchronousOperationsWindow? window = null;
        List<ScpScuRoleSelection>? roles = null;
        while (reader.Remaining > 0)
        {
            var sub = reader.ReadItem(out var type);
            switch (type)
            {
                case ItemType.MaximumLength:
                    if (sub.Length != 4)
                    {
                        throw new PduFormatException(
                            AAbortReason.InvalidPduParameterValue,
                            $"Maximum Length sub-item has {sub.Length} bytes instead of 4.");
                    }

                    var subReader = new PduBodyReader(sub);
                    maximumLength = subReader.ReadUInt32();
                    break;
                case ItemType.ImplementationClassUid:
                    classUid = PduBodyReader.DecodeUid(sub);
                    break;
                case ItemType.AsynchronousOperationsWindow:
                    window = AsynchronousOperationsWindow.Parse(sub);
                    break;
                case ItemType.ScpScuRoleSelection:
                    (roles ??= []).Add(ScpScuRoleSelection.Parse(sub));
                    break;
                case ItemType.ImplementationVersionName:
                    versionName = PduBodyReader.DecodeUid(sub);
                    break;
            }
        }

        return new UserInformation
        {
            MaximumLength = maximumLength,
            ImplementationClassUid = classUid,
            ImplementationVersionName = versionName,
            AsynchronousOperationsWindow = window,
            RoleSelections = roles ?? [],
        };
    }
}
