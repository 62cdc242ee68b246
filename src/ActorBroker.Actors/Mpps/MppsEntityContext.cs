using ActorBroker.Actors.Modalities;
using Akka.Actor;

namespace ActorBroker.Actors.Mpps;

/// <summary>What an MPPS entity needs from the node: the regions it hands over to, the exception store, and the
/// directories that tell which site a calling modality belongs to.</summary>
public sealed record MppsEntityContext(IActorRef Orders, IActorRef Studies, IActorRef Exceptions, ModalityDirectory Modalities);
