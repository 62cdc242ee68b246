namespace ActorBroker.Dicom.Network.Pdus;

/// <summary>
/// One Presentation-data-value Item of a P-DATA-TF PDU, PS3.8 9.3.5.1 and Annex E.2: a context ID,
/// the Message Control Header (bit 0: command / data set, bit 1: last fragment) and a fragment.
/// </summary>
internal readonly record struct PresentationDataValue(byte PresentationContextId, byte MessageControlHeader, ReadOnlyMemory<byte> Data)
{
    public const byte CommandBit = 0x01;
    public const byte LastFragmentBit = 0x02;

    public bool IsCommand => (MessageControlHeader & CommandBit) != 0;

    public bool IsLastFragment => (MessageControlHeader & LastFragmentBit) != 0;

    public static byte ControlHeader(bool isCommand, bool isLast) =>
        (byte)((isCommand ? CommandBit : 0) | (isLast ? LastFragmentBit : 0));
}
