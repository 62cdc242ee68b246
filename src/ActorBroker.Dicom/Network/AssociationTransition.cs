namespace ActorBroker.Dicom.Network;

/// <summary>One step of the state machine: PS3.8 Table 9-10 cell plus the effects to execute.</summary>
internal readonly record struct AssociationTransition(
    AssociationState From,
    AssociationEvent Event,
    AssociationAction Action,
    AssociationState To,
    UpperLayerEffects Effects)
{
    public bool Has(UpperLayerEffects effect) => (Effects & effect) == effect;

    public override string ToString() => $"{From} + {Event} -> {Action} -> {To} [{Effects}]";
}
