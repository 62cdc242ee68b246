namespace ActorBroker.Dicom.Network.Pdus;

/// <summary>
/// A Protocol Data Unit of the DICOM Upper Layer (PS3.8 9.3). Every PDU is a 6-byte header
/// (PDU-type, reserved, 32-bit big-endian PDU-length) followed by the variable field.
/// </summary>
internal abstract class Pdu
{
    public const int HeaderLength = 6;

    public abstract PduType Type { get; }

    /// <summary>Writes the complete PDU (header included).</summary>
    public void WriteTo(PduWriter writer)
    {
        writer.WriteByte((byte)Type);
        writer.WriteByte(0);
        var length = writer.ReserveUInt32();
        WriteBody(writer);
        writer.PatchUInt32Length(length);
    }

    public byte[] ToArray()
    {
        var writer = new PduWriter();
        WriteTo(writer);
        return writer.ToArray();
    }

    /// <summary>Writes the variable field (everything after the PDU-length).</summary>
    protected abstract void WriteBody(PduWriter writer);

    // PS3.8 9.3.1 PDU structure: dispatch on the PDU-type of the header. P-DATA-TF is parsed by
    // PDataTF.Parse (it keeps slices of the received buffer instead of copying).
    public static Pdu Parse(PduType type, ReadOnlySpan<byte> body) => type switch
    {
        PduType.AAssociateRQ => AAssociateRQ.Parse(body),
        PduType.AAssociateAC => AAssociateAC.Parse(body),
        PduType.AAssociateRJ => AAssociateRJ.Parse(body),
        PduType.AReleaseRQ => AReleaseRQ.Parse(body),
        PduType.AReleaseRP => AReleaseRP.Parse(body),
        PduType.AAbort => AAbort.Parse(body),
        _ => throw new PduFormatException(AAbortReason.UnrecognizedPdu, $"PDU type 0x{(byte)type:X2} is not parsed here."),
    };
}
