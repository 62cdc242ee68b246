namespace ActorBroker.Domain.Studies;

/// <summary>
/// A journaled fact about one study (bind it to the broker's JSON serializer like the order
/// events). Implementations are flat records; change a shape only by adding a new version.
/// </summary>
public interface IStudyEvent
{
    string StudyInstanceUid { get; }
}
