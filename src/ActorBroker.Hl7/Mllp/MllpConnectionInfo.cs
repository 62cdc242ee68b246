using System.Net;

namespace ActorBroker.Hl7.Mllp;

/// <summary>Who is connected: an id unique within the process, both end points, and since when.</summary>
public sealed record MllpConnectionInfo(long Id, IPEndPoint Remote, IPEndPoint Local, DateTimeOffset ConnectedAt);
