using Akka.Cluster.Sharding;

namespace ActorBroker.Actors.Mpps;

/// <summary>Routes MPPS requests and queries to their entity by MPPS SOP Instance UID.</summary>
public sealed class MppsMessageExtractor : HashCodeMessageExtractor
{
    public MppsMessageExtractor(int maxNumberOfShards) : base(maxNumberOfShards)
    {
    }

    public override string? EntityId(object message) => message switch
    {
        MppsEnvelope e => e.MppsUid,
        MppsRequest r => r.MppsUid,
        GetMppsState g => g.MppsUid,
        ResumeMppsHandOver r => r.MppsUid,
        _ => null,
    };

    public override object EntityMessage(object message) => message is MppsEnvelope e ? e.Payload : message;
}
