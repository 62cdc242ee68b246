using System.Text;
using ActorBroker.Dicom.Data;

namespace ActorBroker.Dicom.Dimse;

/// <summary>Reading and writing the group 0000 elements of a command set (PS3.7 E.1).</summary>
internal static class CommandSet
{
    public static void SetUid(DicomDataset command, DicomTag tag, string? uid)
    {
        if (!string.IsNullOrEmpty(uid))
        {
            command.Set(tag, DicomVR.UI, uid);
        }
    }

    public static string? GetUid(DicomDataset command, DicomTag tag)
    {
        var value = command.GetString(tag, defaultValue: string.Empty).TrimEnd('\0', ' ');
        return value.Length == 0 ? null : value;
    }

    public static string RequireUid(DicomDataset command, DicomTag tag, DimseCommandField field) =>
        GetUid(command, tag) ?? throw new DicomFormatException($"{field} lacks {tag}.");

    public static ushort RequireUInt16(DicomDataset command, DicomTag tag, DimseCommandField field) =>
        command.TryGetUInt16(tag, out var value) ? value : throw new DicomFormatException($"{field} lacks {tag}.");

    /// <summary>Error Comment (0000,0902) is LO in the default repertoire: at most 64 characters, non-ASCII replaced.</summary>
    public static void SetErrorComment(DicomDataset command, string? comment)
    {
        if (string.IsNullOrEmpty(comment))
        {
            return;
        }

        var builder = new StringBuilder(Math.Min(comment.Length, 64));
        foreach (var c in comment)
        {
            if (builder.Length == 64)
            {
                break;
            }

            builder.Append(c is >= ' ' and < (char)0x7F and not '\\' ? c : '?');
        }

        command.Set(DicomTags.ErrorComment, DicomVR.LO, builder.ToString());
    }
}
