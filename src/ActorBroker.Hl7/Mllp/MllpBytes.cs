namespace ActorBroker.Hl7.Mllp;

/// <summary>The MLLP block characters.</summary>
// HL7 2.5.1 Appendix C.2.1 (MLLP release 1 block format): <SB=0x0B> data <EB=0x1C><CR=0x0D>
public static class MllpBytes
{
    public const byte StartBlock = 0x0B;
    public const byte EndBlock = 0x1C;
    public const byte CarriageReturn = 0x0D;

    /// <summary>Bytes added around a payload.</summary>
    public const int Overhead = 3;

    /// <summary>Writes VT payload FS CR into <paramref name="destination"/> (payload length + 3 bytes); returns the bytes written.</summary>
    public static int Frame(ReadOnlySpan<byte> payload, Span<byte> destination)
    {
        destination[0] = StartBlock;
        payload.CopyTo(destination[1..]);
        destination[payload.Length + 1] = EndBlock;
        destination[payload.Length + 2] = CarriageReturn;
        return payload.Length + Overhead;
    }

    /// <summary>A new array holding the framed payload.</summary>
    public static byte[] Frame(ReadOnlySpan<byte> payload)
    {
        var framed = new byte[payload.Length + Overhead];
        Frame(payload, framed);
        return framed;
    }
}
