using ActorBroker.Domain.Studies;
using Akka.Cluster.Sharding;

namespace ActorBroker.Actors.Studies;

/// <summary>Routes study commands and queries to their entity by Study Instance UID.</summary>
public sealed class StudyMessageExtractor : HashCodeMessageExtractor
{
    public StudyMessageExtractor(int maxNumberOfShards) : base(maxNumberOfShards)
    {
    }

    public override string? EntityId(object message) => message switch
    {
        StudyEnvelope e => e.StudyInstanceUid,
        RecordStudyMpps c => c.StudyInstanceUid,
        GetStudyState g => g.StudyInstanceUid,
        Mpps.ResumeMppsHandOver r => r.StudyInstanceUid,
        _ => null,
    };

    public override object EntityMessage(object message) => message is StudyEnvelope e ? e.Payload : message;
}
