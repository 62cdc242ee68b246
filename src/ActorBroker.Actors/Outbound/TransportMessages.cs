namespace ActorBroker.Actors.Outbound;

// Between an outbox and its transport child (MLLP to an EHR, DICOM to a PACS). The transport owns the connection;
// the outbox owns what to send, when, and what an answer means.

/// <summary>Send this message now.</summary>
public sealed record TransportDeliver(string MessageControlId, string OrderKey, string Kind, byte[] Payload);

/// <summary>The receiver answered the message whose control id is MessageControlId (MSA-2; never by arrival order).
/// AckCode is the HL7 MSA-1 (AA, AE, AR, CA, CE, CR) or, for DICOM, AA for success and AE/AR for failures.</summary>
public sealed record TransportAck(string MessageControlId, string AckCode, string? Text);

/// <summary>
/// The transport is connected and can take messages. Send, when the transport gives one, writes a message straight
/// onto this connection from the outbox's own thread instead of through the transport's mailbox (an ACK-paced link
/// pays every hop twice per message); it is thread-safe, never blocks, and a write that fails ends the connection,
/// which the transport reports as <see cref="TransportDisconnected"/>. Without it the outbox tells the transport
/// <see cref="TransportDeliver"/>.
/// </summary>
public sealed record TransportConnected(string Endpoint, Action<TransportDeliver>? Send = null);

/// <summary>The connection is gone (or could not be made); in-flight messages will not be answered.</summary>
public sealed record TransportDisconnected(string Reason);
