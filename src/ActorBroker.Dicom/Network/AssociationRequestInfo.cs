using System.Net;

namespace ActorBroker.Dicom.Network;

/// <summary>Who asked for an association (reported with a rejection, when no association context exists).</summary>
public sealed record AssociationRequestInfo(long AssociationId, string CallingAETitle, string CalledAETitle, EndPoint? RemoteEndPoint);
