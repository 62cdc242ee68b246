namespace ActorBroker.Domain.Worklist;

/// <summary>How <see cref="WorklistIndex.Query"/> would answer: the index per site and how many candidates it checks.</summary>
public sealed record WorklistQueryPlan(IReadOnlyList<(string Site, WorklistIndexKind Index, int Candidates)> Sites)
{
    public int Candidates => Sites.Sum(s => s.Candidates);
}
