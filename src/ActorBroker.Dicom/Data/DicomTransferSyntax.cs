namespace ActorBroker.Dicom.Data;

/// <summary>
/// A Transfer Syntax (PS3.5 10, Annex A): how a Data Set is encoded. The reader and writer handle the
/// little endian ones (implicit and explicit VR, also with encapsulated pixel data); Explicit VR Big Endian
/// (retired) and Deflated are known so the network layer can name and refuse them.
/// </summary>
public sealed class DicomTransferSyntax : IEquatable<DicomTransferSyntax>
{
    private static readonly Dictionary<string, DicomTransferSyntax> ByUid = new(StringComparer.Ordinal);

    /// <summary>1.2.840.10008.1.2 Implicit VR Little Endian: the default (PS3.5 A.1).</summary>
    public static readonly DicomTransferSyntax ImplicitVRLittleEndian =
        Register("1.2.840.10008.1.2", "Implicit VR Little Endian", explicitVr: false);

    /// <summary>1.2.840.10008.1.2.1 Explicit VR Little Endian (PS3.5 A.2).</summary>
    public static readonly DicomTransferSyntax ExplicitVRLittleEndian =
        Register("1.2.840.10008.1.2.1", "Explicit VR Little Endian");

    /// <summary>1.2.840.10008.1.2.2 Explicit VR Big Endian (retired, PS3.5 A.3): known, not read or written.</summary>
    public static readonly DicomTransferSyntax ExplicitVRBigEndian =
        Register("1.2.840.10008.1.2.2", "Explicit VR Big Endian", littleEndian: false);

    /// <summary>1.2.840.10008.1.2.1.99 Deflated Explicit VR Little Endian (PS3.5 A.5): known, not read or written.</summary>
    public static readonly DicomTransferSyntax DeflatedExplicitVRLittleEndian =
        Register("1.2.840.10008.1.2.1.99", "Deflated Explicit VR Little Endian", deflated: true);

    /// <summary>1.2.840.10008.1.2.4.50 JPEG Baseline (Process 1).</summary>
    public static readonly DicomTransferSyntax JPEGBaseline8Bit =
        Register("1.2.840.10008.1.2.4.50", "JPEG Baseline (Process 1)", encapsulated: true);

    /// <summary>1.2.840.10008.1.2.4.70 JPEG Lossless, Non-Hierarchical, First-Order Prediction.</summary>
    public static readonly DicomTransferSyntax JPEGLosslessSV1 =
        Register("1.2.840.10008.1.2.4.70", "JPEG Lossless, First-Order Prediction", encapsulated: true);

    /// <summary>1.2.840.10008.1.2.4.80 JPEG-LS Lossless.</summary>
    public static readonly DicomTransferSyntax JPEGLSLossless =
        Register("1.2.840.10008.1.2.4.80", "JPEG-LS Lossless", encapsulated: true);

    /// <summary>1.2.840.10008.1.2.4.90 JPEG 2000 (Lossless Only).</summary>
    public static readonly DicomTransferSyntax JPEG2000Lossless =
        Register("1.2.840.10008.1.2.4.90", "JPEG 2000 (Lossless Only)", encapsulated: true);

    /// <summary>1.2.840.10008.1.2.4.91 JPEG 2000.</summary>
    public static readonly DicomTransferSyntax JPEG2000 =
        Register("1.2.840.10008.1.2.4.91", "JPEG 2000", encapsulated: true);

    /// <summary>1.2.840.10008.1.2.5 RLE Lossless.</summary>
    public static readonly DicomTransferSyntax RLELossless =
        Register("1.2.840.10008.1.2.5", "RLE Lossless", encapsulated: true);

    private DicomTransferSyntax(string uid, string name, bool explicitVr, bool littleEndian, bool encapsulated, bool deflated)
    {
        Uid = uid;
        Name = name;
        IsExplicitVR = explicitVr;
        IsLittleEndian = littleEndian;
        IsEncapsulated = encapsulated;
        IsDeflated = deflated;
    }

    public string Uid { get; }

    public string Name { get; }

    public bool IsExplicitVR { get; }

    public bool IsLittleEndian { get; }

    /// <summary>Pixel data is compressed into fragments (PS3.5 A.4); the Data Set itself is Explicit VR LE.</summary>
    public bool IsEncapsulated { get; }

    /// <summary>The whole Data Set is deflated (PS3.5 A.5).</summary>
    public bool IsDeflated { get; }

    /// <summary>True when <see cref="DicomDatasetReader"/> and <see cref="DicomDatasetWriter"/> can handle it.</summary>
    public bool IsSupported => IsLittleEndian && !IsDeflated;

    /// <summary>Every transfer syntax this library knows by UID.</summary>
    public static IReadOnlyCollection<DicomTransferSyntax> Known => ByUid.Values;

    /// <summary>The known transfer syntax with this UID (trailing NUL/space padding ignored), or null.</summary>
    public static DicomTransferSyntax? Lookup(string? uid)
    {
        if (uid is null) return null;
        return ByUid.GetValueOrDefault(uid.TrimEnd('\0', ' '));
    }

    public static bool TryGet(string? uid, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out DicomTransferSyntax? syntax)
    {
        syntax = Lookup(uid);
        return syntax is not null;
    }

    private static DicomTransferSyntax Register(
        string uid, string name, bool explicitVr = true, bool littleEndian = true, bool encapsulated = false, bool deflated = false)
    {
        var ts = new DicomTransferSyntax(uid, name, explicitVr, littleEndian, encapsulated, deflated);
        ByUid.Add(uid, ts);
        return ts;
    }

    public bool Equals(DicomTransferSyntax? other) => other is not null && string.Equals(Uid, other.Uid, StringComparison.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as DicomTransferSyntax);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Uid);

    public override string ToString() => $"{Name} ({Uid})";
}
