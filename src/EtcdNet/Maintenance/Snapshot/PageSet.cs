namespace EtcdNet.Maintenance.Snapshot;

/// <summary>A set of page ids below a fixed bound, one bit each.</summary>
internal sealed class PageSet(ulong bound)
{
    private readonly ulong[] _bits = new ulong[checked((int)((bound + 63) / 64))];

    /// <summary>The ids this set can hold: [0, Bound).</summary>
    public ulong Bound => bound;

    /// <summary>Adds <paramref name="id"/>; false when it was already there. The caller keeps ids below <see cref="Bound"/>.</summary>
    public bool Add(ulong id)
    {
        ref var word = ref _bits[id / 64];
        var mask = 1UL << (int)(id % 64);
        if ((word & mask) != 0)
        {
            return false;
        }

        word |= mask;
        return true;
    }

    /// <summary>True when <paramref name="id"/> is in the set.</summary>
    public bool Contains(ulong id) => id < bound && (_bits[id / 64] & (1UL << (int)(id % 64))) != 0;
}
