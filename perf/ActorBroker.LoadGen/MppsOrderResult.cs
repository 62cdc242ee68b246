namespace ActorBroker.LoadGen;

/// <summary>The orders sent before the MPPS run (one ORM^O01 NW per pair) and how they were ACKed.</summary>
internal sealed record MppsOrderResult(int Sent, long Aa, long Ae, long Ar, long Other, long Timeouts, double Seconds)
{
    public bool AllAccepted => Aa == Sent;
}
