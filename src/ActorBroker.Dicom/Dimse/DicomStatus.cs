namespace ActorBroker.Dicom.Dimse;

/// <summary>
/// A DIMSE Status (0000,0900) with its type and the standard's name: PS3.7 Annex C (general codes)
/// and the service-specific codes of PS3.4 used by C-FIND, C-STORE and MPPS. Equal by code.
/// </summary>
public sealed class DicomStatus : IEquatable<DicomStatus>
{
    private static readonly Dictionary<ushort, DicomStatus> Table = [];

    // PS3.7 C.1 Success
    public static readonly DicomStatus Success = Add(0x0000, DicomStatusType.Success, "Success");

    // PS3.7 C.2 Pending (PS3.4 C.4.1.1.4 / K.4.1.1.4)
    public static readonly DicomStatus Pending = Add(0xFF00, DicomStatusType.Pending, "Pending: matches are continuing");
    public static readonly DicomStatus PendingWarning = Add(0xFF01, DicomStatusType.Pending, "Pending: matches are continuing, one or more optional keys were not supported");

    // PS3.7 C.3 Cancel
    public static readonly DicomStatus Cancel = Add(0xFE00, DicomStatusType.Cancel, "Cancel: matching/sub-operations terminated due to Cancel request");

    // PS3.7 C.4 Warning
    public static readonly DicomStatus AttributeListError = Add(0x0107, DicomStatusType.Warning, "Attribute list error");
    public static readonly DicomStatus AttributeValueOutOfRange = Add(0x0116, DicomStatusType.Warning, "Attribute value out of range");
    public static readonly DicomStatus CoercionOfDataElements = Add(0xB000, DicomStatusType.Warning, "Coercion of data elements");
    public static readonly DicomStatus ElementsDiscarded = Add(0xB006, DicomStatusType.Warning, "Elements discarded");
    public static readonly DicomStatus DataSetDoesNotMatchSOPClassWarning = Add(0xB007, DicomStatusType.Warning, "Data set does not match SOP class");

    // PS3.7 C.5 Failure
    public static readonly DicomStatus NoSuchAttribute = Add(0x0105, DicomStatusType.Failure, "No such attribute");
    public static readonly DicomStatus InvalidAttributeValue = Add(0x0106, DicomStatusType.Failure, "Invalid attribute value");
    public static readonly DicomStatus ProcessingFailure = Add(0x0110, DicomStatusType.Failure, "Processing failure");
    public static readonly DicomStatus DuplicateSOPInstance = Add(0x0111, DicomStatusType.Failure, "Duplicate SOP instance");
    public static readonly DicomStatus NoSuchObjectInstance = Add(0x0112, DicomStatusType.Failure, "No such object instance");
    public static readonly DicomStatus NoSuchEventType = Add(0x0113, DicomStatusType.Failure, "No such event type");
    public static readonly DicomStatus NoSuchArgument = Add(0x0114, DicomStatusType.Failure, "No such argument");
    public static readonly DicomStatus InvalidArgumentValue = Add(0x0115, DicomStatusType.Failure, "Invalid argument value");
    public static readonly DicomStatus InvalidObjectInstance = Add(0x0117, DicomStatusType.Failure, "Invalid object instance");
    public static readonly DicomStatus NoSuchSOPClass = Add(0x0118, DicomStatusType.Failure, "No such SOP class");
    public static readonly DicomStatus ClassInstanceConflict = Add(0x0119, DicomStatusType.Failure, "Class-instance conflict");
    public static readonly DicomStatus MissingAttribute = Add(0x0120, DicomStatusType.Failure, "Missing attribute");
    public static readonly DicomStatus MissingAttributeValue = Add(0x0121, DicomStatusType.Failure, "Missing attribute value");
    public static readonly DicomStatus SOPClassNotSupported = Add(0x0122, DicomStatusType.Failure, "Refused: SOP class not supported");
    public static readonly DicomStatus NoSuchActionType = Add(0x0123, DicomStatusType.Failure, "No such action type");
    public static readonly DicomStatus NotAuthorized = Add(0x0124, DicomStatusType.Failure, "Refused: not authorized");
    public static readonly DicomStatus DuplicateInvocation = Add(0x0210, DicomStatusType.Failure, "Duplicate invocation");
    public static readonly DicomStatus UnrecognizedOperation = Add(0x0211, DicomStatusType.Failure, "Unrecognized operation");
    public static readonly DicomStatus MistypedArgument = Add(0x0212, DicomStatusType.Failure, "Mistyped argument");
    public static readonly DicomStatus ResourceLimitation = Add(0x0213, DicomStatusType.Failure, "Resource limitation");

    // PS3.4 service-specific failures (C-FIND C.4.1.1.4 / K.4.1.1.4, C-STORE B.2.3)
    public static readonly DicomStatus OutOfResources = Add(0xA700, DicomStatusType.Failure, "Refused: out of resources");
    public static readonly DicomStatus IdentifierDoesNotMatchSOPClass = Add(0xA900, DicomStatusType.Failure, "Identifier does not match SOP class");
    public static readonly DicomStatus UnableToProcess = Add(0xC000, DicomStatusType.Failure, "Unable to process");

    private DicomStatus(ushort code, DicomStatusType type, string name)
    {
        Code = code;
        Type = type;
        Name = name;
    }

    public ushort Code { get; }

    public DicomStatusType Type { get; }

    public string Name { get; }

    public bool IsSuccess => Type == DicomStatusType.Success;

    public bool IsPending => Type == DicomStatusType.Pending;

    public bool IsFailure => Type == DicomStatusType.Failure;

    /// <summary>Every code of the table.</summary>
    public static IReadOnlyCollection<DicomStatus> All => Table.Values;

    /// <summary>
    /// The status for a code: an entry of the table, else the range it falls in (A7xx out of resources,
    /// A9xx data set / identifier does not match SOP class, Bxxx warning, Cxxx unable to process, as
    /// PS3.4 defines for C-FIND and C-STORE), else a failure named "Unknown status".
    /// </summary>
    public static DicomStatus FromCode(ushort code)
    {
        if (Table.TryGetValue(code, out var known))
        {
            return known;
        }

        return (code & 0xF000) switch
        {
            0xA000 when (code & 0xFF00) == 0xA700 => new DicomStatus(code, DicomStatusType.Failure, "Refused: out of resources"),
            0xA000 when (code & 0xFF00) == 0xA900 => new DicomStatus(code, DicomStatusType.Failure, "Data set does not match SOP class"),
            0xB000 => new DicomStatus(code, DicomStatusType.Warning, "Warning"),
            0xC000 => new DicomStatus(code, DicomStatusType.Failure, "Unable to process"),
            _ => new DicomStatus(code, DicomStatusType.Failure, "Unknown status"),
        };
    }

    public bool Equals(DicomStatus? other) => other is not null && other.Code == Code;

    public override bool Equals(object? obj) => Equals(obj as DicomStatus);

    public override int GetHashCode() => Code;

    public static bool operator ==(DicomStatus? left, DicomStatus? right) => left?.Equals(right) ?? right is null;

    public static bool operator !=(DicomStatus? left, DicomStatus? right) => !(left == right);

    public override string ToString() => $"{Code:X4} {Type}: {Name}";

    private static DicomStatus Add(ushort code, DicomStatusType type, string name)
    {
        var status = new DicomStatus(code, type, name);
        Table.Add(code, status);
        return status;
    }
}
