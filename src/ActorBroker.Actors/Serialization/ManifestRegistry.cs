using ActorBroker.Actors.Exceptions;
using ActorBroker.Domain.Orders;

namespace ActorBroker.Actors.Serialization;

/// <summary>
/// The stable names under which journaled types are stored. A manifest, once written to a
/// journal, is forever: rename a class freely, but never change or reuse its manifest. A breaking
/// change to a type's shape gets a new manifest (".v2") and an upcast from the old one.
/// </summary>
public static class ManifestRegistry
{
    private static readonly (string Manifest, Type Type)[] Table =
    [
        ("OrderPlaced.v1", typeof(OrderPlaced)),
        ("OrderChanged.v1", typeof(OrderChanged)),
        ("OrderCancelled.v1", typeof(OrderCancelled)),
        ("OrderDiscontinued.v1", typeof(OrderDiscontinued)),
        ("OrderHeld.v1", typeof(OrderHeld)),
        ("OrderReleased.v1", typeof(OrderReleased)),
        ("OrderStatusChanged.v1", typeof(OrderStatusChanged)),
        ("OrderSnapshot.v1", typeof(OrderSnapshot)),
        ("InboundAccepted.v1", typeof(Inbound.InboundAccepted)),
        ("InboundCheckpoint.v1", typeof(Inbound.InboundCheckpoint)),
        ("InboundLogSnapshot.v1", typeof(Inbound.InboundLogSnapshot)),
        ("ExceptionRaised.v1", typeof(ExceptionRaised)),
        ("ExceptionRepeated.v1", typeof(ExceptionRepeated)),
        // --- MPPS, studies, outboxes (issue 4); reports (issue 5)
        ("ProcedureStepRecorded.v1", typeof(ProcedureStepRecorded)),
        ("ProcedureStepAwaitingOrder.v1", typeof(ProcedureStepAwaitingOrder)),
        ("ReportRecorded.v1", typeof(ReportRecorded)),
        ("ReportAwaitingOrder.v1", typeof(ReportAwaitingOrder)),
        ("MppsCreated.v1", typeof(Mpps.MppsCreated)),
        ("MppsUpdated.v1", typeof(Mpps.MppsUpdated)),
        ("MppsPropagated.v1", typeof(Mpps.MppsPropagated)),
        ("StudyMppsRecorded.v1", typeof(Domain.Studies.StudyMppsRecorded)),
        ("StudySnapshot.v1", typeof(Domain.Studies.StudySnapshot)),
        ("StudyEntitySnapshot.v1", typeof(Studies.StudyEntitySnapshot)),
        ("OutboxEnqueued.v1", typeof(Outbound.OutboxEnqueued)),
        ("OutboxDelivered.v1", typeof(Outbound.OutboxDelivered)),
        ("OutboxParked.v1", typeof(Outbound.OutboxParked)),
        ("OutboxReleased.v1", typeof(Outbound.OutboxReleased)),
        ("OutboxDiscarded.v1", typeof(Outbound.OutboxDiscarded)),
        ("OutboxJournalSnapshot.v1", typeof(Outbound.OutboxJournalSnapshot)),
    ];

    private static readonly Dictionary<string, Type> ByManifest = Table.ToDictionary(t => t.Manifest, t => t.Type, StringComparer.Ordinal);
    private static readonly Dictionary<Type, string> ByType = Table.ToDictionary(t => t.Type, t => t.Manifest);

    public static IReadOnlyCollection<Type> Types => ByType.Keys;

    public static Type? TypeFor(string manifest) => ByManifest.GetValueOrDefault(manifest);

    public static string ManifestFor(Type type) => ByType.TryGetValue(type, out var m)
        ? m
        : throw new SerializationException($"{type.FullName} has no journal manifest: add it to ManifestRegistry");
}
