using ActorBroker.Actors.Modalities;
using Akka.Actor;

namespace ActorBroker.Actors.Studies;

/// <summary>
/// What a study entity needs from the node: its snapshot setting, the regions it hands MPPS states over to (orders,
/// and other studies of a grouped procedure), the exception store, the directory that tells which site a calling
/// modality belongs to, and how long it waits after a hand-over before journaling that it is done (one marker then
/// covers an N-CREATE and the N-SET that usually follows it; 0 journals one after every hand-over; a study whose MPPS
/// are all final does not wait), and whether MPPS
/// is forwarded to a PACS (actor-broker.dicom.forward-mpps-to): only then are the MPPS events tagged "mpps" for the
/// forwarding outbox to read. A tag is a row and an index entry written with every event; nothing else reads this one.
/// </summary>
public sealed record StudyEntityContext(
    int SnapshotEvery,
    IActorRef Orders,
    IActorRef Studies,
    IActorRef Exceptions,
    ModalityDirectory Modalities,
    TimeSpan HandOverMarkerDelay,
    bool ForwardsMpps)
{
    /// <summary>A modality usually sends the N-SET seconds to minutes after the N-CREATE; a second is enough for the
    /// back-to-back pairs of a busy scanner farm, and a crash inside it only means one state handed over twice.</summary>
    public static readonly TimeSpan DefaultHandOverMarkerDelay = TimeSpan.FromSeconds(1);
}
