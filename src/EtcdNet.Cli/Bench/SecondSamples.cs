namespace EtcdNet.Cli.Bench;

/// <summary>
/// Latencies summed up per wall-clock second of the request's start, as etcd's benchmark tool samples them
/// (<c>--sample</c>): minimum, average, maximum and count per Unix second. Not thread-safe: one per worker,
/// <see cref="Add"/>ed together at the end.
/// </summary>
internal sealed class SecondSamples
{
    private readonly Dictionary<long, Point> _seconds = [];

    /// <summary>One second's numbers; latencies in nanoseconds.</summary>
    public readonly record struct Point(long MinLatency, long MaxLatency, long TotalLatency, long Count)
    {
        /// <summary>Average latency in whole nanoseconds (0 for an empty second).</summary>
        public long AverageLatency => Count == 0 ? 0 : TotalLatency / Count;
    }

    /// <summary>Records a request that started in <paramref name="unixSecond"/> and took <paramref name="nanoseconds"/>.</summary>
    public void Record(long unixSecond, long nanoseconds)
    {
        if (!_seconds.TryGetValue(unixSecond, out var point))
        {
            _seconds[unixSecond] = new Point(nanoseconds, nanoseconds, nanoseconds, 1);
            return;
        }

        // As the benchmark tool: a zero latency never lowers the minimum of a second that has one already.
        var min = nanoseconds != 0 ? Math.Min(point.MinLatency, nanoseconds) : point.MinLatency;
        _seconds[unixSecond] = new Point(min, Math.Max(point.MaxLatency, nanoseconds), point.TotalLatency + nanoseconds, point.Count + 1);
    }

    /// <summary>Adds every second of <paramref name="other"/> to this one.</summary>
    public void Add(SecondSamples other)
    {
        ArgumentNullException.ThrowIfNull(other);
        foreach (var (second, theirs) in other._seconds)
        {
            _seconds[second] = _seconds.TryGetValue(second, out var mine)
                ? new Point(
                    Math.Min(mine.MinLatency, theirs.MinLatency),
                    Math.Max(mine.MaxLatency, theirs.MaxLatency),
                    mine.TotalLatency + theirs.TotalLatency,
                    mine.Count + theirs.Count)
                : theirs;
        }
    }

    /// <summary>Every second from the first to the last in order, seconds without a request included as zeros.</summary>
    public IReadOnlyList<(long UnixSecond, Point Point)> Series()
    {
        if (_seconds.Count == 0)
        {
            return [];
        }

        var first = _seconds.Keys.Min();
        var last = _seconds.Keys.Max();
        var series = new List<(long, Point)>((int)Math.Min(last - first + 1, int.MaxValue));
        for (var second = first; second <= last; second++)
        {
            series.Add((second, _seconds.GetValueOrDefault(second)));
        }

        return series;
    }
}
