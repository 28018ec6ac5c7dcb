using System.Diagnostics;
using EtcdNet.Transport;

namespace EtcdNet.Resilience;

/// <summary>
/// The client's endpoints with their health: calls go round robin over healthy endpoints; an
/// endpoint that fails is set aside for a jittered, growing backoff and used again afterwards
/// (or earlier, when every endpoint is set aside).
/// </summary>
internal sealed class EndpointPool
{
    private static readonly TimeSpan MinBackoff = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(10);

    private readonly Entry[] _entries;
    private int _cursor = -1;

    public EndpointPool(IEnumerable<GrpcEndpoint> endpoints)
    {
        _entries = endpoints.Select((e, i) => new Entry(e, i)).ToArray();
        if (_entries.Length is 0 or > 64)
        {
            throw new ArgumentException("Between 1 and 64 endpoints are supported.", nameof(endpoints));
        }
    }

    public int Count => _entries.Length;

    /// <summary>A bit mask with one bit set for every endpoint.</summary>
    public ulong AllMask => _entries.Length == 64 ? ulong.MaxValue : (1UL << _entries.Length) - 1;

    public IEnumerable<GrpcEndpoint> Endpoints => _entries.Select(e => e.Endpoint);

    /// <summary>
    /// Picks the next endpoint: round robin over healthy ones not in <paramref name="avoid"/>;
    /// failing that, the one whose backoff ends first, still preferring those not avoided.
    /// </summary>
    public (GrpcEndpoint Endpoint, int Index) Pick(ulong avoid = 0)
    {
        var now = Stopwatch.GetTimestamp();
        var start = (int)((uint)Interlocked.Increment(ref _cursor) % (uint)_entries.Length);
        Entry? best = null;
        for (var i = 0; i < _entries.Length; i++)
        {
            var entry = _entries[(start + i) % _entries.Length];
            var avoided = (avoid & (1UL << entry.Index)) != 0;
            var healthy = Volatile.Read(ref entry.SetAsideUntil) <= now;
            if (healthy && !avoided)
            {
                return (entry.Endpoint, entry.Index);
            }

            if (best is null || Rank(entry, avoid).CompareTo(Rank(best, avoid)) < 0)
            {
                best = entry;
            }
        }

        return (best!.Endpoint, best.Index);
    }

    public void ReportSuccess(int index)
    {
        var entry = _entries[index];
        if (Volatile.Read(ref entry.Failures) != 0)
        {
            Volatile.Write(ref entry.Failures, 0);
            Volatile.Write(ref entry.SetAsideUntil, 0);
        }
    }

    public void ReportFailure(int index)
    {
        var entry = _entries[index];
        var failures = Interlocked.Increment(ref entry.Failures);
        var backoff = Backoff.Exponential(MinBackoff, MaxBackoff, failures - 1);
        Volatile.Write(ref entry.SetAsideUntil, Stopwatch.GetTimestamp() + (long)(backoff.TotalSeconds * Stopwatch.Frequency));
    }

    /// <summary>True when the endpoint is currently set aside.</summary>
    public bool IsSetAside(int index) => Volatile.Read(ref _entries[index].SetAsideUntil) > Stopwatch.GetTimestamp();

    // Lower is better: not avoided first, then the earliest end of backoff.
    private static (int Avoided, long Until) Rank(Entry entry, ulong avoid)
        => ((avoid & (1UL << entry.Index)) != 0 ? 1 : 0, Volatile.Read(ref entry.SetAsideUntil));

    private sealed class Entry(GrpcEndpoint endpoint, int index)
    {
        public readonly GrpcEndpoint Endpoint = endpoint;
        public readonly int Index = index;
        public long SetAsideUntil;
        public int Failures;
    }
}
