namespace ActorBroker.Dicom.Data;

/// <summary>Decodes a Data Set (PS3.5 7) in a little endian transfer syntax.</summary>
public static class DicomDatasetReader
{
    /// <summary>
    /// Reads a whole buffer as one Data Set. The bytes are copied once, so the caller may reuse its buffer
    /// (pooled PDU buffers); element values are slices of that copy. Malformed input throws
    /// <see cref="DicomFormatException"/> with the offset and tag; nothing is allocated from an unchecked length.
    /// </summary>
    public static DicomDataset Read(ReadOnlySpan<byte> data, DicomTransferSyntax syntax, DicomReadOptions? options = null) =>
        ReadNoCopy(data.ToArray(), syntax, options);

    /// <summary>Reads a command set (PS3.7 6.3.1: always Implicit VR Little Endian).</summary>
    public static DicomDataset ReadCommand(ReadOnlySpan<byte> data) => Read(data, DicomTransferSyntax.ImplicitVRLittleEndian);

    /// <summary>Reads without copying: the dataset keeps slices of <paramref name="data"/>, which must not change afterwards.</summary>
    internal static DicomDataset ReadNoCopy(ReadOnlyMemory<byte> data, DicomTransferSyntax syntax, DicomReadOptions? options)
    {
        ArgumentNullException.ThrowIfNull(syntax);
        if (!syntax.IsSupported)
            throw new NotSupportedException($"Transfer syntax {syntax} is not supported for reading (little endian, not deflated only).");
        var ds = new DicomDataset();
        var parser = new DicomParser(data, options ?? DicomReadOptions.Default);
        var pos = 0;
        parser.ReadDataset(ref pos, data.Length, ds, syntax.IsExplicitVR, depth: 0, untilItemDelimiter: false);
        return ds;
    }
}
