namespace ActorBroker.Dicom.Network;

/// <summary>Which side of the association this state machine runs (decides AR-8's next state).</summary>
internal enum AssociationRole
{
    None,
    Requestor,
    Acceptor,
}
