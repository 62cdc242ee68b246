namespace ActorBroker.Dicom.Network;

/// <summary>The primitives the Upper Layer issues to its user (PS3.8 7), plus the end of the transport.</summary>
internal enum UpperLayerIndicationKind
{
    /// <summary>A-ASSOCIATE indication (acceptor, Sta3).</summary>
    AssociateRequest,

    /// <summary>A-ASSOCIATE confirmation, accept (requestor, Sta6).</summary>
    AssociateAccept,

    /// <summary>A-ASSOCIATE confirmation, reject (requestor, transport closed).</summary>
    AssociateReject,

    /// <summary>P-DATA indication. The consumer disposes the <see cref="Pdus.PDataTF"/>.</summary>
    PData,

    /// <summary>A-RELEASE indication (Sta8).</summary>
    ReleaseRequest,

    /// <summary>A-RELEASE confirmation.</summary>
    ReleaseConfirm,

    /// <summary>A-RELEASE indication in a release collision (Sta9 / Sta10).</summary>
    ReleaseCollision,

    /// <summary>A-ABORT indication: the peer's service-user aborted.</summary>
    Abort,

    /// <summary>A-P-ABORT indication: a provider (ours or the peer's) aborted, or the transport dropped.</summary>
    ProviderAbort,

    /// <summary>The transport connection is closed; no more indications follow (Sta1).</summary>
    Closed,
}
