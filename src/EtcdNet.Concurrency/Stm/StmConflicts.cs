namespace EtcdNet.Concurrency;

/// <summary>The commit conditions of each isolation level, as etcd's Go STM builds them.</summary>
internal static class StmConflicts
{
    /// <summary>
    /// The conditions under which a commit may apply its writes: none for ReadCommitted; every read key's
    /// modification revision unchanged otherwise; for SerializableSnapshot also every written key's
    /// modification revision below (earliest read's revision + 1).
    /// </summary>
    public static IReadOnlyList<StmCondition> For(
        StmIsolation isolation,
        IReadOnlyCollection<KeyValuePair<string, StmRead>> reads,
        IEnumerable<string> writtenKeys)
    {
        if (isolation == StmIsolation.ReadCommitted)
        {
            return [];
        }

        var conditions = new List<StmCondition>(reads.Count);
        var earliest = long.MaxValue - 1;
        foreach (var (key, read) in reads)
        {
            conditions.Add(new StmCondition(key, CompareOp.Equal, read.ModRevision));
            earliest = Math.Min(earliest, read.HeaderRevision);
        }

        if (isolation == StmIsolation.SerializableSnapshot)
        {
            foreach (var key in writtenKeys)
            {
                conditions.Add(new StmCondition(key, CompareOp.Less, earliest + 1));
            }
        }

        return conditions;
    }

    /// <summary>Whether the level reads from one snapshot and refreshes its reads from a failed commit.</summary>
    public static bool UsesSnapshot(StmIsolation isolation)
        => isolation is StmIsolation.SerializableSnapshot or StmIsolation.Serializable;
}
