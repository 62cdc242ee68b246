namespace ActorBroker.Hl7.Mllp;

/// <summary>What an <see cref="MllpListener"/> calls. One instance serves every connection, concurrently.</summary>
public interface IMllpHandler
{
    /// <summary>
    /// Handles one frame (the HL7 payload, unframed) and returns the reply payload (the ACK bytes,
    /// unframed; empty sends nothing). Calls for one connection may overlap when the sender
    /// pipelines; replies are written in arrival order regardless. An exception is turned into an
    /// AE (or, for bytes that are not HL7, AR) ACK so that the sender is never left waiting.
    /// </summary>
    ValueTask<ReadOnlyMemory<byte>> HandleAsync(MllpConnectionInfo connection, ReadOnlyMemory<byte> frame, CancellationToken ct);

    /// <summary>A framing problem: junk outside frames, an oversize frame (the connection closes next), an abandoned frame.</summary>
    void OnFrameError(MllpConnectionInfo connection, MllpFrameError error, ReadOnlyMemory<byte> rawSoFar);

    void OnConnected(MllpConnectionInfo connection)
    {
    }

    void OnDisconnected(MllpConnectionInfo connection)
    {
    }

    /// <summary>HandleAsync threw: the sender got an error ACK; this is where to record why.</summary>
    void OnHandlerError(MllpConnectionInfo connection, Exception exception)
    {
    }
}
