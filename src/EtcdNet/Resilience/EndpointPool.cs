using EtcdNet.Transport;

namespace EtcdNet.Resilience;

/// <summary>
/// The client's endpoints with their health: calls go round robin over healthy endpoints; an
/// endpoint that fails is set aside for a jittered, growing backoff. With a <see cref="Probe"/>, it
/// then returns to the rotation only once it answered a probe sent in the background after each
/// backoff, so no call waits on an endpoint that still does not answer (a black-holed address costs a
/// dial timeout, a hung member a request timeout). Without one, it returns when the backoff ends. When
/// every endpoint is set aside, calls still go to the one whose backoff ends first.
/// </summary>
/// <remarks>
/// The set can be replaced at run time (<see cref="Replace"/>). Each endpoint has a slot number
/// (0 to 63) that is its index in <see cref="Pick"/>, the report methods and the avoid masks. An
/// endpoint that stays keeps its slot and its health; a new one gets a free slot, preferably one
/// that has been free the longest, so an index held by a call in flight rarely names another
/// endpoint. Reports for a slot that is now empty are ignored. Readers work on an immutable
/// snapshot and never lock.
/// </remarks>
internal sealed partial class EndpointPool : IDisposable
{
    /// <summary>The most endpoints a pool holds (one bit each in a <see cref="ulong"/> mask).</summary>
    public const int MaxEndpoints = 64;

    private readonly Lock _replaceLock = new();
    private readonly long[] _slotFreedAt = new long[MaxEndpoints]; // replacement number when each slot was last emptied; guarded by _replaceLock
    private long _replacements;
    private volatile EndpointSet _set;
    private int _cursor = -1;
    private readonly CancellationTokenSource _shutdown = new();

    public EndpointPool(IEnumerable<GrpcEndpoint> endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var list = endpoints.ToArray();
        CheckCount(list.Length, nameof(endpoints));
        _set = new EndpointSet(list.Select((e, i) => new Entry(e, i)).ToArray());
    }

    public int Count => _set.Entries.Length;

    /// <summary>How long a failed endpoint stays out of the rotation, growing with consecutive failures.</summary>
    public EtcdBackoff Backoff { get; init; } = EtcdRetryOptions.Default.EndpointBackoff;

    /// <summary>The clock of set-aside periods and probe waits.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Where endpoint health changes are reported.</summary>
    public Diagnostics.ClientDiagnostics Diagnostics { get; init; } = EtcdNet.Diagnostics.ClientDiagnostics.Disabled;

    /// <summary>
    /// Checks in the background that a set-aside endpoint answers again: completes when it does, throws when it
    /// does not. Null: an endpoint returns to the rotation when its backoff ends.
    /// </summary>
    public Func<GrpcEndpoint, CancellationToken, Task>? Probe { get; init; }

    /// <summary>A bit mask with one bit set for every endpoint's slot.</summary>
    public ulong AllMask => _set.Mask;

    /// <summary>The current endpoints, in the order they were given.</summary>
    public IEnumerable<GrpcEndpoint> Endpoints => _set.Entries.Select(e => e.Endpoint);

    /// <summary>How many times <see cref="Replace"/> changed the set.</summary>
    public long Version => Interlocked.Read(ref _replacements);

    /// <summary>
    /// Picks the next endpoint: round robin over healthy ones not in <paramref name="avoid"/>; failing that, a healthy
    /// one in <paramref name="avoid"/>; failing that, the one whose backoff ends first, preferring those not avoided.
    /// </summary>
    public (GrpcEndpoint Endpoint, int Index) Pick(ulong avoid = 0)
    {
        var entries = _set.Entries;
        var now = Time.GetTimestamp();
        var start = (int)((uint)Interlocked.Increment(ref _cursor) % (uint)entries.Length);
        Entry? best = null;
        for (var i = 0; i < entries.Length; i++)
        {
            var entry = entries[(start + i) % entries.Length];
            var avoided = (avoid & (1UL << entry.Index)) != 0;
            var healthy = Volatile.Read(ref entry.SetAsideUntil) <= now && !Volatile.Read(ref entry.OnProbation);
            if (healthy && !avoided)
            {
                return (entry.Endpoint, entry.Index);
            }

            if (best is null || Rank(entry, avoid, now).CompareTo(Rank(best, avoid, now)) < 0)
            {
                best = entry;
            }
        }

        return (best!.Endpoint, best.Index);
    }

    public void ReportSuccess(int index)
    {
        if (_set.Find(index) is { } entry)
        {
            Succeeded(entry);
        }
    }

    /// <summary>Reports an answer from <paramref name="endpoint"/> if it is one of the pool's (a call addressed to it).</summary>
    public void ReportSuccess(GrpcEndpoint endpoint)
    {
        if (Array.Find(_set.Entries, e => ReferenceEquals(e.Endpoint, endpoint)) is { } entry)
        {
            Succeeded(entry);
        }
    }

    /// <summary>Sets the endpoint aside after a failure; <paramref name="reason"/> is for logs.</summary>
    public void ReportFailure(int index, string? reason = null)
    {
        if (_set.Find(index) is not { } entry)
        {
            return; // the endpoint was removed meanwhile
        }

        Failed(entry, reason);
        if (Probe is not null)
        {
            Volatile.Write(ref entry.OnProbation, true);
            StartProbing(entry);
        }
    }

    /// <summary>
    /// Reports that <paramref name="endpoint"/> (found by reference, so a replaced slot is never blamed) left a call
    /// unanswered. Once is enough: while it is set aside, more such reports (the other calls that were waiting there)
    /// do not lengthen its backoff.
    /// </summary>
    public void ReportSilence(GrpcEndpoint endpoint, string reason)
    {
        if (Array.Find(_set.Entries, e => ReferenceEquals(e.Endpoint, endpoint)) is not { } entry
            || Volatile.Read(ref entry.OnProbation) || Volatile.Read(ref entry.SetAsideUntil) > Time.GetTimestamp())
        {
            return;
        }

        Failed(entry, reason);
        if (Probe is not null)
        {
            Volatile.Write(ref entry.OnProbation, true);
            StartProbing(entry);
        }
    }

    /// <summary>Stops probing set-aside endpoints.</summary>
    public void Dispose() => _shutdown.Cancel();

    private void Succeeded(Entry entry)
    {
        if (!Volatile.Read(ref entry.Answered) && !Interlocked.Exchange(ref entry.Answered, true))
        {
            Diagnostics.EndpointConnected(entry.Endpoint);
        }

        // Cheap read first (the common case is no failure); the exchange makes exactly one success report the recovery.
        if (Volatile.Read(ref entry.Failures) != 0 && Interlocked.Exchange(ref entry.Failures, 0) is var failures and not 0)
        {
            Volatile.Write(ref entry.SetAsideUntil, 0);
            Diagnostics.EndpointRecovered(entry.Endpoint, failures);
        }

        if (Volatile.Read(ref entry.OnProbation))
        {
            Volatile.Write(ref entry.OnProbation, false);
        }
    }

    private void Failed(Entry entry, string? reason)
    {
        var failures = Interlocked.Increment(ref entry.Failures);
        var backoff = Backoff.Next(failures - 1);
        Volatile.Write(ref entry.SetAsideUntil, Time.GetTimestamp() + (long)(backoff.TotalSeconds * Time.TimestampFrequency));
        Diagnostics.EndpointSetAside(entry.Endpoint, failures, backoff, reason);
    }

    /// <summary>True when the endpoint is currently set aside or waits to pass a probe (false for an empty slot).</summary>
    public bool IsSetAside(int index)
        => _set.Find(index) is { } entry && (Volatile.Read(ref entry.SetAsideUntil) > Time.GetTimestamp() || Volatile.Read(ref entry.OnProbation));

    // Lower is better: a healthy endpoint (even one the call already tried) before one set aside or on probation, which
    // may cost a dial timeout; then not avoided; then the earliest end of backoff.
    private static (int SetAside, int Avoided, long Until) Rank(Entry entry, ulong avoid, long now)
    {
        var until = Volatile.Read(ref entry.SetAsideUntil);
        var setAside = until > now || Volatile.Read(ref entry.OnProbation) ? 1 : 0;
        return (setAside, (avoid & (1UL << entry.Index)) != 0 ? 1 : 0, until);
    }
}
