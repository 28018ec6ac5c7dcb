namespace EtcdNet.RobustnessTests.Checking;

/// <summary>The verdict for one partition of keys.</summary>
/// <param name="Keys">The partition's keys.</param>
/// <param name="Operations">How many operations it held.</param>
/// <param name="Linearizable">True when an order was found that explains every response.</param>
/// <param name="Inconclusive">True when the search ran out of steps (counts as a failure).</param>
/// <param name="Explanation">For a failure: the longest explained prefix and the operation that could not follow it.</param>
public sealed record LinearizabilityResult(IReadOnlyList<string> Keys, int Operations, bool Linearizable, bool Inconclusive, string? Explanation)
{
    public override string ToString() =>
        $"[{string.Join(",", Keys)}] {Operations} ops: {(Linearizable ? "linearizable" : Inconclusive ? "INCONCLUSIVE" : "NOT LINEARIZABLE")}{(Explanation is null ? "" : Environment.NewLine + Explanation)}";
}
