namespace EtcdNet.RobustnessTests.Checking;

/// <summary>
/// The watch guarantees, checked per watch against the revision history: events in revision order and none twice
/// (ordered, unique), each as the history has it, none missing from the start revision through the last revision the
/// watch vouched for (reliable, resumable), the events of one revision in one response (atomic), progress notifications
/// never going back and never followed by an older event (bookmarkable), and a compacted start answered with the
/// compaction's revision.
/// </summary>
public static class WatchChecker
{
    public static IReadOnlyList<string> Check(WatchRecord watch, RevisionLog log, IReadOnlyCollection<long> compactions)
    {
        var anomalies = new List<string>();
        var lastPosition = -1;
        var lastRevision = 0L;
        var progress = 0L;
        var covered = watch.StartRevision - 1;
        var responseOfRevision = new Dictionary<long, int>();
        var delivered = new HashSet<int>();
        for (var r = 0; r < watch.Deliveries.Count; r++)
        {
            var delivery = watch.Deliveries[r];
            if (delivery.IsProgress)
            {
                if (delivery.HeaderRevision < progress)
                {
                    anomalies.Add($"{watch}: progress went back from {progress} to {delivery.HeaderRevision}");
                }

                if (delivery.HeaderRevision < lastRevision)
                {
                    anomalies.Add($"{watch}: progress {delivery.HeaderRevision} is behind an event already delivered at {lastRevision}");
                }

                progress = Math.Max(progress, delivery.HeaderRevision);
                covered = Math.Max(covered, delivery.HeaderRevision);
                continue;
            }

            foreach (var e in delivery.Events)
            {
                var position = log.PositionOf(e.Revision, e.Key);
                if (e.Revision < watch.StartRevision)
                {
                    anomalies.Add($"{watch}: event {e} is older than the start revision");
                }

                if (position < 0)
                {
                    if (e.Revision <= log.CompleteThrough)
                    {
                        anomalies.Add($"{watch}: event {e} is not in the history");
                    }

                    continue;
                }

                if (!Equals(log.Events[position], e))
                {
                    anomalies.Add($"{watch}: event {e} differs from the history's {log.Events[position]}");
                }

                if (position <= lastPosition)
                {
                    anomalies.Add($"{watch}: event {e} came {(delivered.Contains(position) ? "twice" : "out of order")}");
                }

                if (e.Revision <= progress)
                {
                    anomalies.Add($"{watch}: event {e} came after a progress notification at {progress}");
                }

                if (responseOfRevision.TryGetValue(e.Revision, out var earlier) && earlier != r)
                {
                    anomalies.Add($"{watch}: the events of revision {e.Revision} were split over responses");
                }

                responseOfRevision[e.Revision] = r;
                delivered.Add(position);
                lastPosition = Math.Max(lastPosition, position);
                lastRevision = Math.Max(lastRevision, e.Revision);
                covered = Math.Max(covered, e.Revision);
            }
        }

        covered = Math.Min(covered, log.CompleteThrough);
        var missing = new List<LogEvent>();
        for (var position = log.FirstPositionFrom(watch.StartRevision); position < log.Events.Count && log.Events[position].Revision <= covered; position++)
        {
            if (log.Events[position].Key.StartsWith(watch.Prefix, StringComparison.Ordinal) && !delivered.Contains(position))
            {
                missing.Add(log.Events[position]);
            }
        }

        if (missing.Count > 0)
        {
            anomalies.Add($"{watch}: {missing.Count} events missing through revision {covered}, the first {missing[0]}");
        }

        if (watch.Error is EtcdCompactedException compacted && !compactions.Contains(compacted.CompactRevision))
        {
            anomalies.Add($"{watch}: ended as compacted at {compacted.CompactRevision}, which no compaction made ({string.Join(",", compactions)})");
        }
        else if (watch.Error is not null and not EtcdCompactedException)
        {
            anomalies.Add($"{watch}: ended with {watch.Error.GetType().Name}: {watch.Error.Message}");
        }

        return anomalies;
    }
}
