using System.Globalization;

namespace EtcdNet.RobustnessTests.Checking;

/// <summary>
/// Mutual exclusion, from its effects: each lock holder writes the fence key in a txn guarded by its lock key, with the
/// value <c>lockRevision:client:sequence</c>. In the revision history the lock revisions of those writes never go down
/// (a later holder's lock key is newer), so two holders' critical sections never interleave.
/// </summary>
public static class FenceChecker
{
    public static string Value(long lockRevision, int client, int sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"{lockRevision:D12}:{client}:{sequence}");

    public static (IReadOnlyList<string> Anomalies, int Writes, int Holders) Check(RevisionLog log, string fenceKey)
    {
        var anomalies = new List<string>();
        var previous = -1L;
        var holders = new HashSet<long>();
        var writes = 0;
        foreach (var e in log.EventsOf(fenceKey).Where(e => !e.IsDelete))
        {
            writes++;
            var lockRevision = long.Parse(e.After!.Value.AsSpan(0, e.After.Value.IndexOf(':', StringComparison.Ordinal)), CultureInfo.InvariantCulture);
            if (lockRevision < previous)
            {
                anomalies.Add($"fenced write {e} by the holder of lock revision {lockRevision} came after one by the holder of {previous}: the critical sections overlapped");
            }

            holders.Add(lockRevision);
            previous = Math.Max(previous, lockRevision);
        }

        return (anomalies, writes, holders.Count);
    }
}
