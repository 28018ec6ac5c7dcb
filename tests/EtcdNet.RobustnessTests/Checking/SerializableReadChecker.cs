namespace EtcdNet.RobustnessTests.Checking;

/// <summary>
/// Serializable reads may be stale but never invented: what a read at header revision R returned must be the key's
/// state at R in the revision history (a prefix of it). It may go back between members; how often a client's reads
/// went back is counted, not failed.
/// </summary>
public static class SerializableReadChecker
{
    public static (IReadOnlyList<string> Anomalies, int WentBack) Check(IEnumerable<SerializableRead> reads, RevisionLog log)
    {
        var anomalies = new List<string>();
        var wentBack = 0;
        foreach (var client in reads.GroupBy(r => r.Client))
        {
            var last = 0L;
            foreach (var read in client.OrderBy(r => r.At))
            {
                if (read.Revision > log.CompleteThrough)
                {
                    anomalies.Add($"client {read.Client} read {read.Key} at revision {read.Revision}, beyond the history ({log.CompleteThrough})");
                    continue;
                }

                var expected = log.StateAt(read.Key, read.Revision);
                if (!Equals(expected, read.Value))
                {
                    anomalies.Add($"client {read.Client} read {read.Key} at revision {read.Revision} as {read.Value?.ToString() ?? "absent"}; the history says {expected?.ToString() ?? "absent"}");
                }

                if (read.Revision < last)
                {
                    wentBack++;
                }

                last = Math.Max(last, read.Revision);
            }
        }

        return (anomalies, wentBack);
    }
}
