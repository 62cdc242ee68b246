namespace ActorBroker.Hl7.Mllp;

/// <summary>What went wrong at the framing level.</summary>
public enum MllpFrameError
{
    /// <summary>Bytes (other than CR/LF) outside a frame, before a start block: reported, then skipped.</summary>
    JunkBeforeStart,

    /// <summary>A frame grew past the size limit: the connection is to be closed.</summary>
    Oversize,

    /// <summary>A frame was abandoned: a new start block came, or the stream ended, before its end block.</summary>
    IncompleteFrame,
}
