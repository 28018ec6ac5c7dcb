namespace EtcdNet.RobustnessTests.Checking;

/// <summary>
/// When a revision existed at the latest, from the KV history: a successful call that reported revision R or higher
/// returned after revision R was made, so R existed by the earliest such return.
/// </summary>
public sealed class RevisionClock
{
    private readonly long[] _revisions;
    private readonly long[] _earliestReturnFrom; // for each position: the earliest return among calls at that revision or higher

    public RevisionClock(IEnumerable<HistoryOperation> operations)
    {
        var seen = operations
            .Where(o => o is { Outcome: Outcome.Ok, Output: not null } && o.Return != long.MaxValue)
            .Select(o => (Revision: o.Output!.Revision, o.Return))
            .OrderBy(p => p.Revision)
            .ToArray();
        _revisions = seen.Select(p => p.Revision).ToArray();
        _earliestReturnFrom = new long[seen.Length];
        var earliest = long.MaxValue;
        for (var i = seen.Length - 1; i >= 0; i--)
        {
            earliest = Math.Min(earliest, seen[i].Return);
            _earliestReturnFrom[i] = earliest;
        }
    }

    /// <summary>A time by which <paramref name="revision"/> certainly existed, or null when no call saw it.</summary>
    public long? ExistedBy(long revision)
    {
        var index = Array.BinarySearch(_revisions, revision);
        if (index < 0)
        {
            index = ~index;
        }
        else
        {
            while (index > 0 && _revisions[index - 1] == revision)
            {
                index--;
            }
        }

        return index < _revisions.Length ? _earliestReturnFrom[index] : null;
    }
}
