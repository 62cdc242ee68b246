using System.Buffers;

namespace ActorBroker.Dicom.Data;

/// <summary>Encodes a Data Set (PS3.5 7) in a little endian transfer syntax.</summary>
public static class DicomDatasetWriter
{
    /// <summary>Encodes the dataset; values padded to even length, sequences with defined lengths unless the options say otherwise.</summary>
    public static byte[] Write(DicomDataset dataset, DicomTransferSyntax syntax, DicomWriteOptions? options = null)
    {
        var encoder = CreateEncoder(syntax, options);
        var length = encoder.Measure(dataset);
        if (length > Array.MaxLength) throw new InvalidOperationException($"Dataset of {length} bytes is too large for one buffer.");
        var buffer = new byte[length];
        var writer = new FixedBufferWriter(buffer);
        encoder.WriteDataset(dataset, writer);
        return buffer;
    }

    /// <summary>Encodes the dataset into <paramref name="output"/> (e.g. a PDU being assembled).</summary>
    public static void Write(DicomDataset dataset, DicomTransferSyntax syntax, IBufferWriter<byte> output, DicomWriteOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        CreateEncoder(syntax, options).WriteDataset(dataset, output);
    }

    /// <summary>The number of bytes <see cref="Write(DicomDataset, DicomTransferSyntax, DicomWriteOptions?)"/> would produce.</summary>
    public static long GetEncodedLength(DicomDataset dataset, DicomTransferSyntax syntax, DicomWriteOptions? options = null) =>
        CreateEncoder(syntax, options).Measure(dataset);

    /// <summary>
    /// Encodes a command set: PS3.7 6.3.1 and E.1 — Implicit VR Little Endian, group 0000 only, and
    /// Command Group Length (0000,0000) first, computed here (any value already in the dataset is ignored).
    /// </summary>
    public static byte[] WriteCommand(DicomDataset command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var encoder = new DicomEncoder(explicitVr: false, DicomWriteOptions.Default);
        long length = 0;
        foreach (var e in command)
        {
            if (e.Tag.Group != 0x0000)
                throw new ArgumentException($"A command set holds group 0000 only; found {e.Tag}.", nameof(command));
            if (e.Tag != DicomTags.CommandGroupLength) length += encoder.MeasureElement(e);
        }
        if (length > uint.MaxValue - 12) throw new InvalidOperationException("Command set too large.");
        var buffer = new byte[12 + length];
        var writer = new FixedBufferWriter(buffer);
        var groupLength = new byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(groupLength, (uint)length);
        encoder.WriteElement(new DicomElement(DicomTags.CommandGroupLength, DicomVR.UL, groupLength), writer);
        foreach (var e in command)
        {
            if (e.Tag != DicomTags.CommandGroupLength) encoder.WriteElement(e, writer);
        }
        return buffer;
    }

    private static DicomEncoder CreateEncoder(DicomTransferSyntax syntax, DicomWriteOptions? options)
    {
        EnsureWritable(syntax);
        return new DicomEncoder(syntax.IsExplicitVR, options ?? DicomWriteOptions.Default);
    }

    /// <summary>Throws unless data sets can be written in <paramref name="syntax"/> (little endian, not deflated).</summary>
    internal static void EnsureWritable(DicomTransferSyntax syntax)
    {
        ArgumentNullException.ThrowIfNull(syntax);
        if (!syntax.IsSupported)
            throw new NotSupportedException($"Transfer syntax {syntax} is not supported for writing (little endian, not deflated only).");
    }
}
