using System.Buffers.Binary;

namespace ActorBroker.Dicom.Data;

/// <summary>
/// A DICOM Part 10 file (PS3.10 7.1): 128-byte preamble, "DICM", File Meta Information (group 0002, always
/// Explicit VR Little Endian), then the Data Set in the transfer syntax the meta names.
/// </summary>
public sealed class DicomFile
{
    private static readonly byte[] Prefix = "DICM"u8.ToArray();

    public DicomFile(DicomDataset fileMetaInformation, DicomDataset dataset)
    {
        FileMetaInformation = fileMetaInformation ?? throw new ArgumentNullException(nameof(fileMetaInformation));
        Dataset = dataset ?? throw new ArgumentNullException(nameof(dataset));
    }

    public DicomDataset FileMetaInformation { get; }

    public DicomDataset Dataset { get; }

    /// <summary>The syntax named by (0002,0010); throws <see cref="DicomFormatException"/> when missing or unknown.</summary>
    public DicomTransferSyntax TransferSyntax
    {
        get
        {
            var uid = FileMetaInformation.GetString(DicomTags.TransferSyntaxUID);
            if (uid.Length == 0) throw new DicomFormatException("File Meta Information has no Transfer Syntax UID (0002,0010)");
            return DicomTransferSyntax.Lookup(uid) ?? throw new DicomFormatException($"unknown transfer syntax '{uid}'");
        }
    }

    /// <summary>Wraps a dataset with File Meta Information built from its SOP Class/Instance UIDs (PS3.10 7.1).</summary>
    public static DicomFile Create(DicomDataset dataset, DicomTransferSyntax syntax, string? sourceApplicationEntityTitle = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(syntax);
        var sopClass = dataset.GetString(DicomTags.SOPClassUID);
        var sopInstance = dataset.GetString(DicomTags.SOPInstanceUID);
        if (sopClass.Length == 0 || sopInstance.Length == 0)
            throw new ArgumentException("The dataset needs SOP Class UID (0008,0016) and SOP Instance UID (0008,0018).", nameof(dataset));
        var meta = new DicomDataset()
            .SetBytes(DicomTags.FileMetaInformationVersion, DicomVR.OB, new byte[] { 0x00, 0x01 })
            .Set(DicomTags.MediaStorageSOPClassUID, DicomVR.UI, sopClass)
            .Set(DicomTags.MediaStorageSOPInstanceUID, DicomVR.UI, sopInstance)
            .Set(DicomTags.TransferSyntaxUID, DicomVR.UI, syntax.Uid)
            .Set(DicomTags.ImplementationClassUID, DicomVR.UI, DicomUid.ImplementationClassUid)
            .Set(DicomTags.ImplementationVersionName, DicomVR.SH, DicomUid.ImplementationVersionName);
        if (!string.IsNullOrEmpty(sourceApplicationEntityTitle))
            meta.Set(DicomTags.SourceApplicationEntityTitle, DicomVR.AE, sourceApplicationEntityTitle);
        return new DicomFile(meta, dataset);
    }

    /// <summary>Reads a Part 10 file; the datasets keep slices of <paramref name="data"/>, which must not change afterwards.</summary>
    // PS3.10 7.1 DICOM File Meta Information
    public static DicomFile Read(byte[] data, DicomReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Length < 132 || !data.AsSpan(128, 4).SequenceEqual(Prefix))
            throw new DicomFormatException("not a DICOM Part 10 file: no 'DICM' after the 128-byte preamble", Math.Min(data.Length, 128), null);
        var parser = new DicomParser(data, options ?? DicomReadOptions.Default);
        var meta = new DicomDataset();
        var pos = 132;
        parser.ReadDataset(ref pos, data.Length, meta, explicitVr: true, depth: 0, untilItemDelimiter: false, onlyGroup: 0x0002);
        var file = new DicomFile(meta, new DicomDataset());
        var syntax = file.TransferSyntax;
        if (!syntax.IsSupported) throw new NotSupportedException($"Transfer syntax {syntax} is not supported for reading.");
        var dataset = new DicomDataset();
        parser.ReadDataset(ref pos, data.Length, dataset, syntax.IsExplicitVR, depth: 0, untilItemDelimiter: false);
        return new DicomFile(meta, dataset);
    }

    /// <summary>Encodes the file: preamble, prefix, meta with a computed group length (0002,0000), dataset.</summary>
    public byte[] Write(DicomWriteOptions? options = null)
    {
        var syntax = TransferSyntax;
        if (!syntax.IsSupported) throw new NotSupportedException($"Transfer syntax {syntax} is not supported for writing.");
        var metaEncoder = new DicomEncoder(explicitVr: true, DicomWriteOptions.Default);
        var dataEncoder = new DicomEncoder(syntax.IsExplicitVR, options ?? DicomWriteOptions.Default);
        long metaLength = 0;
        foreach (var e in FileMetaInformation)
        {
            if (e.Tag.Group != 0x0002) throw new InvalidOperationException($"File Meta Information holds group 0002 only; found {e.Tag}.");
            if (e.Tag != DicomTags.FileMetaInformationGroupLength) metaLength += metaEncoder.MeasureElement(e);
        }
        var total = 132 + 12 + metaLength + dataEncoder.Measure(Dataset);
        if (total > Array.MaxLength) throw new InvalidOperationException($"File of {total} bytes is too large for one buffer.");
        var buffer = new byte[total];
        Prefix.CopyTo(buffer, 128);
        var writer = new FixedBufferWriter(buffer, 132);
        var groupLength = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(groupLength, (uint)metaLength);
        metaEncoder.WriteElement(new DicomElement(DicomTags.FileMetaInformationGroupLength, DicomVR.UL, groupLength), writer);
        foreach (var e in FileMetaInformation)
        {
            if (e.Tag != DicomTags.FileMetaInformationGroupLength) metaEncoder.WriteElement(e, writer);
        }
        dataEncoder.WriteDataset(Dataset, writer);
        return buffer;
    }
}
