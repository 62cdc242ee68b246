namespace ActorBroker.Interop.Tests.Harness;

/// <summary>One mpps-scu.js run: the MPPS UID used, every response, and whether the association was refused.</summary>
internal sealed record MppsRun(string MppsUid, IReadOnlyList<MppsResponse> Responses, bool AssociationRejected, string Transcript)
{
    public IReadOnlyList<int> Statuses => [.. Responses.Select(r => r.Status)];
}
