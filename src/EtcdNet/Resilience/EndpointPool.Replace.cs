using EtcdNet.Transport;

namespace EtcdNet.Resilience;

/// <summary>Replacing the endpoint set at run time, keeping each remaining endpoint's slot and health.</summary>
internal sealed partial class EndpointPool
{
    /// <summary>The pool's endpoint with the same scheme, host and port as <paramref name="endpoint"/>, or null.</summary>
    public GrpcEndpoint? Find(GrpcEndpoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        return Array.Find(_set.Entries, e => e.Endpoint.BaseUri == endpoint.BaseUri)?.Endpoint;
    }

    /// <summary>
    /// Replaces the endpoints. Endpoints are matched by scheme, host and port: one that stays keeps
    /// its slot, its health and what is known about it; duplicates are dropped. Calls in flight go on.
    /// </summary>
    /// <returns>False when the set (and its order) did not change.</returns>
    /// <exception cref="ArgumentException">No endpoint, or more than <see cref="MaxEndpoints"/>.</exception>
    public bool Replace(IEnumerable<GrpcEndpoint> endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var wanted = endpoints.DistinctBy(e => e.BaseUri).ToArray();
        CheckCount(wanted.Length, nameof(endpoints));
        lock (_replaceLock)
        {
            var current = _set;
            var unused = current.Entries.ToList();
            var next = new Entry?[wanted.Length];
            var occupied = 0UL;
            for (var i = 0; i < wanted.Length; i++)
            {
                var match = unused.Find(e => e.Endpoint.BaseUri == wanted[i].BaseUri);
                if (match is not null)
                {
                    unused.Remove(match);
                    next[i] = match;
                    occupied |= 1UL << match.Index;
                }
            }

            if (unused.Count == 0 && next.SequenceEqual(current.Entries))
            {
                return false;
            }

            var replacement = _replacements + 1;
            foreach (var removed in unused)
            {
                _slotFreedAt[removed.Index] = replacement;
            }

            for (var i = 0; i < wanted.Length; i++)
            {
                if (next[i] is null)
                {
                    var slot = LongestFreeSlot(occupied);
                    occupied |= 1UL << slot;
                    next[i] = new Entry(wanted[i], slot);
                }
            }

            _set = new EndpointSet(next!);
            Interlocked.Exchange(ref _replacements, replacement);
            return true;
        }
    }

    private static void CheckCount(int count, string paramName)
    {
        if (count is 0 or > MaxEndpoints)
        {
            throw new ArgumentException($"Between 1 and {MaxEndpoints} endpoints are supported.", paramName);
        }
    }

    // The free slot emptied longest ago (never used counts as oldest), lowest number first.
    private int LongestFreeSlot(ulong occupied)
    {
        var best = -1;
        for (var slot = 0; slot < MaxEndpoints; slot++)
        {
            if ((occupied & (1UL << slot)) == 0 && (best < 0 || _slotFreedAt[slot] < _slotFreedAt[best]))
            {
                best = slot;
            }
        }

        return best; // at most 64 endpoints, so a slot is always free
    }
}
