using System.Collections.Concurrent;

namespace EtcdNet.Lease;

/// <summary>
/// The latest moment each lease granted by this client can still live without a renewal: when its grant was sent plus
/// the TTL the server granted (the server started the TTL no earlier). A keep-alive started for such a lease counts it
/// lost at that moment unless its first renewal is answered before (at once when the moment has passed); for a lease
/// granted elsewhere the TTL is unknown until the first answer. Entries are taken by the first keep-alive or a revoke;
/// every 1024 grants, those whose moment has passed are dropped.
/// </summary>
internal sealed class LeaseGrantDeadlines(TimeProvider time)
{
    /// <summary>Every this many grants, those whose moment has passed are dropped (a scan costs one grant's worth each time).</summary>
    private const int PruneEvery = 1024;

    private readonly ConcurrentDictionary<long, long> _deadlines = new(); // TimeProvider timestamps
    private int _grantsSincePrune;

    /// <summary>A reading to pass to <see cref="Granted"/>, taken before the grant is sent.</summary>
    public long Now => time.GetTimestamp();

    /// <summary>Records that lease <paramref name="id"/>, asked for at <paramref name="sentAt"/>, was granted <paramref name="ttl"/>.</summary>
    public void Granted(long id, long sentAt, TimeSpan ttl)
    {
        if (Interlocked.Increment(ref _grantsSincePrune) % PruneEvery == 0)
        {
            var now = time.GetTimestamp();
            foreach (var (lease, deadline) in _deadlines)
            {
                if (deadline <= now)
                {
                    _deadlines.TryRemove(new KeyValuePair<long, long>(lease, deadline)); // not one granted again meanwhile
                }
            }
        }

        _deadlines[id] = sentAt + (long)(ttl.TotalSeconds * time.TimestampFrequency);
    }

    /// <summary>
    /// Takes the entry of lease <paramref name="id"/>: the time it has left without a renewal (zero or less when its
    /// moment has passed: it may have expired already), or null when this client did not grant it.
    /// </summary>
    public TimeSpan? Take(long id)
        => _deadlines.TryRemove(id, out var deadline)
            ? TimeSpan.FromSeconds((double)(deadline - time.GetTimestamp()) / time.TimestampFrequency)
            : null;

    /// <summary>
    /// Moves the moment of a lease this client granted forward after a single renewal sent at <paramref name="sentAt"/>
    /// was answered with <paramref name="ttl"/> (nothing for a lease it did not grant).
    /// </summary>
    public void Renewed(long id, long sentAt, TimeSpan ttl)
    {
        var renewedUntil = sentAt + (long)(ttl.TotalSeconds * time.TimestampFrequency);
        while (_deadlines.TryGetValue(id, out var deadline) && deadline < renewedUntil
            && !_deadlines.TryUpdate(id, renewedUntil, deadline))
        {
            // another grant or renewal changed it meanwhile: look again
        }
    }

    /// <summary>Forgets lease <paramref name="id"/> (revoked).</summary>
    public void Forget(long id) => _deadlines.TryRemove(id, out _);
}
