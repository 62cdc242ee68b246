using System.Text;

namespace ActorBroker.Dicom.Network.Pdus;

/// <summary>SCP/SCU Role Selection Sub-Item (54H), PS3.7 D.3.3.4.</summary>
internal sealed record ScpScuRoleSelection(string SopClassUid, bool ScuRole, bool ScpRole)
{
    public void Write(PduWriter writer)
    {
        var length = writer.BeginItem(ItemType.ScpScuRoleSelection);
        writer.WriteUInt16((ushort)Encoding.ASCII.GetByteCount(SopClassUid));
        writer.WriteAscii(SopClassUid);
        writer.WriteByte(ScuRole ? (byte)1 : (byte)0);
        writer.WriteByte(ScpRole ? (byte)1 : (byte)0);
        writer.EndItem(length);
    }

    // PS3.7 D.3.3.4 SCP/SCU Role Selection Sub-Item structure: UID-length, SOP class UID, SCU-role, SCP-role.
    public static ScpScuRoleSelection Parse(ReadOnlySpan<byte> value)
    {
        var reader = new PduBodyReader(value);
        var uidLength = reader.ReadUInt16();
        var uid = PduBodyReader.DecodeUid(reader.ReadBytes(uidLength));
        var scu = reader.ReadByte();
        var scp = reader.ReadByte();
        return new ScpScuRoleSelection(uid, scu != 0, scp != 0);
    }
}
