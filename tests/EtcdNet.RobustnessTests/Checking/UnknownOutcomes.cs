namespace EtcdNet.RobustnessTests.Checking;

/// <summary>
/// Prepares a recorded history for the linearizability search with etcd's revision history as evidence: a write with an
/// unknown outcome that the log shows applied gets the response it would have had (its revision) and may take effect
/// any time after its call; one the log does not show is left out (it never took effect, which is allowed). Reads that
/// failed are left out too (they had no effect). A write the client reported as failed for certain must not be in the
/// log: that is an anomaly.
/// </summary>
public static class UnknownOutcomes
{
    public static (IReadOnlyList<HistoryOperation> Resolved, IReadOnlyList<string> Anomalies) Resolve(IReadOnlyList<HistoryOperation> history, RevisionLog log)
    {
        var resolved = new List<HistoryOperation>();
        var anomalies = new List<string>();
        var claimedDeletes = history
            .Where(o => o is { Outcome: Outcome.Ok, Input: DeleteInput, Output.Succeeded: true })
            .Select(o => (o.Output!.Revision, ((DeleteInput)o.Input).Key))
            .ToHashSet();
        var unclaimedDeletes = new Dictionary<string, Queue<LogEvent>>(StringComparer.Ordinal);
        // Unknown writes take their evidence first (deletes in call order), so that a write reported as failed for
        // certain is only blamed for what no unknown write explains.
        foreach (var op in history.OrderBy(o => o.Outcome == Outcome.Failed).ThenBy(o => o.Call))
        {
            switch (op.Outcome)
            {
                case Outcome.Ok:
                    resolved.Add(op);
                    break;

                case Outcome.Failed when op.Input.IsWrite:
                    if (AppliedRevision(op.Input, log, NextUnclaimedDelete) is { } revision)
                    {
                        anomalies.Add($"a write reported as failed for certain was applied at revision {revision}: {op}");
                    }

                    break;

                case Outcome.Unknown when op.Input.IsWrite:
                    if (AppliedRevision(op.Input, log, NextUnclaimedDelete) is { } applied)
                    {
                        resolved.Add(op with { Return = long.MaxValue, Output = new KvOutput(applied, Succeeded: true) });
                    }

                    break;
            }
        }

        return (resolved, anomalies);

        LogEvent? NextUnclaimedDelete(string key)
        {
            if (!unclaimedDeletes.TryGetValue(key, out var queue))
            {
                queue = new Queue<LogEvent>(log.EventsOf(key).Where(e => e.IsDelete && !claimedDeletes.Contains((e.Revision, key))));
                unclaimedDeletes[key] = queue;
            }

            return queue.TryDequeue(out var e) ? e : null;
        }
    }

    /// <summary>
    /// The revision at which the log shows the write applied, or null. Puts are found by their unique value; a delete
    /// of unknown outcome takes the next delete of its key that no acknowledged delete explains (in call order).
    /// </summary>
    private static long? AppliedRevision(KvInput input, RevisionLog log, Func<string, LogEvent?> nextUnclaimedDelete) => input switch
    {
        PutInput put => log.FindPut(put.Key, put.Value)?.Revision,
        CasInput cas => log.FindPut(cas.Key, cas.Value)?.Revision,
        TransferInput transfer => log.FindPut(transfer.KeyA, transfer.NewA)?.Revision,
        DeleteInput delete => nextUnclaimedDelete(delete.Key)?.Revision,
        _ => null,
    };
}
