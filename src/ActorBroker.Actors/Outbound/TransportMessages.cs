namespace ActorBroker.Actors.Outbound;

// Between an outbox and its transport child (MLLP to an EHR, DICOM to a PACS). The transport owns the connection;
// the outbox owns what to send, when, and what an answer means.

/// <summary>Send this message now.</summary>
public sealed record TransportDeliver(string MessageControlId, string OrderKey, string Kind, byte[] Payload);

/// <summary>The receiver answered the message whose control id is MessageControlId (MSA-2; never by arrival order).
/// AckCode is the HL7 MSA-1 (AA, AE, AR, CA, CE, CR) or, for DICOM, AA for success and AE/AR for failures.</summary>
public sealed record TransportAck(string MessageControlId, string AckCode, string? Text);

/// <summary>The transport is connected and can take messages.</summary>
public sealed record TransportConnected(string Endpoint);

/// <summary>The connection is gone (or could not be made); in-flight messages will not be answered.</summary>
public sealed record TransportDisconnected(string Reason);
