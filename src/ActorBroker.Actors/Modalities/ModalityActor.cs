using ActorBroker.Dicom.Dimse;
using ActorBroker.Domain.Worklist;
using Akka.Actor;

namespace ActorBroker.Actors.Modalities;

/// <summary>
/// One configured modality (station AE title): the counters a support engineer checks first when a technologist
/// says "my worklist is empty" (did it connect, was it refused, did it query, how many items went back, when).
/// Fed by Tell from the DICOM association tasks; holds no patient data.
/// </summary>
public sealed class ModalityActor : ReceiveActor
{
    private readonly ModalityInfo _info;
    private readonly WorklistIndex _worklist;
    private readonly HashSet<long> _open = [];
    private long _associations;
    private long _rejected;
    private long _queries;
    private long _failed;
    private long _cancelled;
    private long _items;
    private DateTimeOffset? _lastAssociation;
    private DateTimeOffset? _lastQuery;
    private int? _lastItems;
    private double? _lastMillis;

    public ModalityActor(ModalityInfo info, WorklistIndex worklist)
    {
        _info = info;
        _worklist = worklist;
        Receive<ModalityAssociationOpened>(m =>
        {
            _associations++;
            _open.Add(m.AssociationId);
            _lastAssociation = m.At;
        });
        Receive<ModalityAssociationClosed>(m => _open.Remove(m.AssociationId));
        Receive<ModalityAssociationRejected>(m =>
        {
            _rejected++;
            _lastAssociation = m.At;
        });
        Receive<ModalityQueryCompleted>(m =>
        {
            _queries++;
            _items += m.Items;
            _lastQuery = m.At;
            _lastItems = m.Items;
            _lastMillis = Math.Round(m.Elapsed.TotalMilliseconds, 3);
            if (m.Cancelled)
            {
                _cancelled++;
            }
            else if (DicomStatus.FromCode(m.Status).Type == DicomStatusType.Failure)
            {
                _failed++;
            }
        });
        Receive<GetModality>(_ => Sender.Tell(Status()));
    }

    public static Props GetProps(ModalityInfo info, WorklistIndex worklist) => Props.Create(() => new ModalityActor(info, worklist));

    private ModalityStatus Status() => new(
        _info.AeTitle,
        _info.Site,
        _info.Station.Modality,
        _info.CharacterSet.SpecificCharacterSet.Length == 0 ? "ISO_IR 6" : _info.CharacterSet.SpecificCharacterSet,
        _info.Station.StationName,
        _associations,
        _open.Count,
        _rejected,
        _queries,
        _failed,
        _cancelled,
        _items,
        _lastAssociation,
        _lastQuery,
        _lastItems,
        _lastMillis,
        _worklist.CountForStation(_info.Site, _info.AeTitle));
}
