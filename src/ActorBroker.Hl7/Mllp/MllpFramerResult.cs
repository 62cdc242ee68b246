namespace ActorBroker.Hl7.Mllp;

/// <summary>
/// One thing the framer found: a complete frame's payload (no VT/FS/CR), or an error with the
/// bytes concerned (junk, the partial frame seen so far, capped at the size limit).
/// </summary>
public readonly record struct MllpFramerResult(MllpFrameError? Error, byte[] Data)
{
    public bool IsFrame => Error is null;
}
