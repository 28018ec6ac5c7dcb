namespace EtcdNet.RobustnessTests.Checking;

/// <summary>
/// Leases are never lost silently: if the server deleted a lease's key before the client's revoke (the lease expired),
/// or the revoke found no lease, the client must have signalled the lease lost, and no later than
/// <see cref="MaxLostDelay"/> after the expiry. When the expiry happened is bounded by the KV history: the revision
/// existed by the time any call that saw it (or a later one) returned.
/// </summary>
public static class LeaseChecker
{
    public static readonly TimeSpan MaxLostDelay = TimeSpan.FromSeconds(1);

    public static IReadOnlyList<string> Check(IEnumerable<LeaseRecord> leases, RevisionLog log, IReadOnlyList<HistoryOperation>? operations = null)
    {
        var anomalies = new List<string>();
        var clock = operations is null ? null : new RevisionClock(operations);
        foreach (var lease in leases.Where(l => l.LostSignalled && l.LostAt is not null))
        {
            var expired = log.EventsOf(lease.Key).FirstOrDefault(e => e.IsDelete && (lease.RevokeRevision is null || e.Revision < lease.RevokeRevision));
            if (expired is not null && clock?.ExistedBy(expired.Revision) is { } by && lease.LostAt!.Value - by > MaxLostDelay.TotalSeconds * System.Diagnostics.Stopwatch.Frequency)
            {
                var late = System.Diagnostics.Stopwatch.GetElapsedTime(by, lease.LostAt.Value);
                anomalies.Add($"lease {lease.LeaseId:x} of client {lease.Client}: the server expired it by revision {expired.Revision}, the client said so {late.TotalSeconds:0.00} s later");
            }
        }

        foreach (var lease in leases.Where(l => !l.LostSignalled))
        {
            var deleted = log.EventsOf(lease.Key).FirstOrDefault(e => e.IsDelete);
            if (lease.RevokeRevision is { } revoked)
            {
                if (deleted is not null && deleted.Revision < revoked)
                {
                    anomalies.Add($"lease {lease.LeaseId:x} of client {lease.Client}: its key was deleted at {deleted.Revision}, before the revoke at {revoked}, and the client never said it was lost");
                }
            }
            else if (lease.RevokeError is { } error && error.Contains("not found", StringComparison.OrdinalIgnoreCase))
            {
                anomalies.Add($"lease {lease.LeaseId:x} of client {lease.Client}: the revoke found no lease ({error}) and the client never said it was lost");
            }
        }

        return anomalies;
    }
}
