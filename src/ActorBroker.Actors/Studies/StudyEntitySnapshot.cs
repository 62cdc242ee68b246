using ActorBroker.Dicom.Mpps;
using ActorBroker.Domain.Studies;

namespace ActorBroker.Actors.Studies;

/// <summary>
/// A study entity's snapshot: the study, and the MPPS instances it holds (their state machines' attributes). Taken
/// only when every MPPS state before it has been handed over and marked so.
/// </summary>
public sealed record StudyEntitySnapshot(StudySnapshot Study, IReadOnlyList<HeldMpps> Instances);

/// <summary>An MPPS instance held by its study: the calling AE of its latest request and its merged attributes.</summary>
public sealed record HeldMpps(string MppsUid, string CallingAe, MppsAttributes Attributes);
