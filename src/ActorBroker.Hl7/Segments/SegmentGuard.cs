namespace ActorBroker.Hl7;

internal static class SegmentGuard
{
    // A view over the wrong segment would silently read unrelated fields: fail at construction.
    public static Hl7Segment Require(Hl7Segment segment, string id) =>
        segment.Message is null
            ? throw new ArgumentException($"default(Hl7Segment) is not a {id} segment", nameof(segment))
            : segment.Id == id
                ? segment
                : throw new ArgumentException($"expected a {id} segment, got {segment.Id}", nameof(segment));
}
