namespace EtcdNet.RobustnessTests.Checking;

/// <summary>
/// Leases are never lost silently: when the server expired a lease (its key was deleted before the client revoked it,
/// and the revoke found no lease), the client must have signalled the lease lost, no later than
/// <see cref="MaxLostDelay"/> after the expiry. When the expiry happened is bounded by the KV history: its revision
/// existed by the time any call that saw it (or a later one) returned. A revoke that is retried after it was applied
/// also finds no lease (etcd's Go client does the same), so a lease counts as expired only when its key was deleted
/// before the revoke was sent, and as silently lost only when that was more than <see cref="MaxLostDelay"/> before.
/// </summary>
public static class LeaseChecker
{
    public static readonly TimeSpan MaxLostDelay = TimeSpan.FromSeconds(1);

    public static IReadOnlyList<string> Check(IEnumerable<LeaseRecord> leases, RevisionLog log, IReadOnlyList<HistoryOperation>? operations = null)
    {
        var anomalies = new List<string>();
        var clock = new RevisionClock(operations ?? []);
        foreach (var lease in leases)
        {
            var deleted = log.EventsOf(lease.Key).FirstOrDefault(e => e.IsDelete);
            if (deleted is null || (lease.RevokeRevision is { } revoked && deleted.Revision >= revoked))
            {
                continue; // never written, or deleted by the revoke itself
            }

            var expiredBy = clock.ExistedBy(deleted.Revision);
            // A revoke sent within MaxLostDelay of the expiry came before the client was due to say so.
            var allowance = (long)(MaxLostDelay.TotalSeconds * System.Diagnostics.Stopwatch.Frequency);
            var expiredBeforeRevoke = lease.RevokeRevision is not null || (expiredBy is { } by && lease.RevokeCall - by > allowance);
            if (!lease.LostSignalled)
            {
                if (expiredBeforeRevoke)
                {
                    anomalies.Add($"lease {lease.LeaseId:x} of client {lease.Client}: the server expired it (its key was deleted at revision {deleted.Revision}, before the revoke) and the client never said it was lost"
                        + $" (revoke: {(lease.RevokeRevision is { } r ? $"revision {r}" : lease.RevokeError)}; deletion seen {Seconds(expiredBy, lease.RevokeCall)} the revoke was sent)");
                }
            }
            else if (lease.LostAt is { } lostAt && expiredBy is { } at && lostAt - at > MaxLostDelay.TotalSeconds * System.Diagnostics.Stopwatch.Frequency)
            {
                var late = System.Diagnostics.Stopwatch.GetElapsedTime(at, lostAt);
                anomalies.Add($"lease {lease.LeaseId:x} of client {lease.Client}: the server expired it by revision {deleted.Revision}, the client said so {late.TotalSeconds:0.00} s later");
            }
        }

        return anomalies;
    }

    private static string Seconds(long? at, long reference)
        => at is not { } t ? "at an unknown time before"
            : t <= reference ? $"{System.Diagnostics.Stopwatch.GetElapsedTime(t, reference).TotalSeconds:0.000} s before"
            : $"{System.Diagnostics.Stopwatch.GetElapsedTime(reference, t).TotalSeconds:0.000} s after";
}
