using ActorBroker.Dicom.Network;

namespace ActorBroker.Actors.Modalities;

// Told by the DICOM listener's observer and the MWL provider (from association tasks, never awaited), routed by
// the modalities supervisor to the station's actor by calling AE title.

public sealed record ModalityAssociationOpened(string CallingAeTitle, long AssociationId, string Remote, DateTimeOffset At);

public sealed record ModalityAssociationClosed(string CallingAeTitle, long AssociationId, DicomAssociationCloseReason Reason, DateTimeOffset At);

/// <summary>An A-ASSOCIATE-RJ: unknown calling AE, wrong called AE, over capacity...</summary>
public sealed record ModalityAssociationRejected(string CallingAeTitle, string CalledAeTitle, string Reason, DateTimeOffset At);

/// <summary>A C-FIND finished: how many items went out, whether it failed (status) or was cancelled, how long it took.</summary>
public sealed record ModalityQueryCompleted(string CallingAeTitle, int Items, ushort Status, bool Cancelled, TimeSpan Elapsed, DateTimeOffset At);

/// <summary>All modalities' status (and the AE titles that called without being configured).</summary>
public sealed record GetModalities
{
    public static GetModalities Instance { get; } = new();
}

/// <summary>One modality's status; answered with <see cref="ModalityStatus"/>, or <see cref="ModalityNotFound"/>.</summary>
public sealed record GetModality(string AeTitle);

public sealed record ModalityNotFound(string AeTitle);

public sealed record ModalityList(IReadOnlyList<ModalityStatus> Modalities, IReadOnlyList<UnknownCaller> UnknownCallers, DicomScpStatus Scp);

/// <summary>Counters of one station AE since the broker started.</summary>
public sealed record ModalityStatus(
    string AeTitle,
    string Site,
    string Modality,
    string CharacterSet,
    string StationName,
    long Associations,
    int ActiveAssociations,
    long RejectedAssociations,
    long Queries,
    long FailedQueries,
    long CancelledQueries,
    long ItemsReturned,
    DateTimeOffset? LastAssociationAt,
    DateTimeOffset? LastQueryAt,
    int? LastQueryItems,
    double? LastQueryMilliseconds,
    int WorklistItems);

/// <summary>An AE title that called without being a configured modality (rejected unless accept-any-calling-ae).</summary>
public sealed record UnknownCaller(string AeTitle, long Associations, long Rejected, long Queries, DateTimeOffset LastSeen);

/// <summary>The SCP itself: AE title, where it listens, open associations.</summary>
public sealed record DicomScpStatus(string AeTitle, string Status, string Endpoint, int ActiveAssociations, bool AcceptAnyCallingAe);

internal sealed record GetDicomScpStatus
{
    public static GetDicomScpStatus Instance { get; } = new();
}
