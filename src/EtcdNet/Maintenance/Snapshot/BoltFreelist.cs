using System.Buffers.Binary;

namespace EtcdNet.Maintenance.Snapshot;

/// <summary>
/// The free list a bbolt file stores (etcd's own files store none: then there is nothing to check).
/// Its page holds page ids (u64 each); a count of 0xFFFF in the header means the real count is the
/// first u64. Once the tree has been walked, every page below the high-water mark must be either
/// reachable or free, and not both; a page freed twice is a problem too.
/// </summary>
internal sealed class BoltFreelist
{
    private const int CountInFirstElement = 0xFFFF;
    private const int MaxListed = 20;

    private readonly PageSet _freed;
    private readonly List<string> _problems = [];
    private long _problemCount;

    private BoltFreelist(ulong highWater) => _freed = new PageSet(highWater);

    /// <summary>Reads the free list, marking its pages reachable; null when the file stores none.</summary>
    public static async Task<BoltFreelist?> ReadAsync(BoltFile file, PageSet reachable, CancellationToken cancellationToken)
    {
        var id = file.Meta.FreelistPage;
        if (id == BoltMeta.NoFreelist)
        {
            return null;
        }

        var page = await file.ReadPageAsync(id, cancellationToken).ConfigureAwait(false);
        var list = new BoltFreelist(file.HighWater);
        list.Load(id, page.Span, reachable);
        return list;
    }

    /// <summary>
    /// Compares the free pages with <paramref name="reachable"/>; throws when anything disagrees, listing
    /// pages freed twice, then reachable pages that are free, then pages neither reachable nor free.
    /// </summary>
    public void Check(PageSet reachable)
    {
        for (var id = 0UL; id < reachable.Bound; id++)
        {
            if (reachable.Contains(id) && _freed.Contains(id))
            {
                Problem($"page {id}: reachable freed");
            }
        }

        for (var id = 0UL; id < reachable.Bound; id++)
        {
            if (!reachable.Contains(id) && !_freed.Contains(id))
            {
                Problem($"page {id}: unreachable unfreed");
            }
        }

        if (_problemCount > 0)
        {
            throw SnapshotErrors.IntegrityCheckFailed(_problems, _problemCount);
        }
    }

    private void Load(ulong id, ReadOnlySpan<byte> page, PageSet reachable)
    {
        var flags = BoltPage.Flags(page);
        if ((flags & BoltPage.FreelistFlag) == 0)
        {
            throw SnapshotErrors.Corrupt($"page {id}: invalid freelist page: page type is {BoltPage.TypeName(flags)}");
        }

        for (var i = 0UL; i <= BoltPage.Overflow(page); i++)
        {
            reachable.Add(id + i);
        }

        var ids = page[BoltPage.HeaderSize..];
        ulong count = BoltPage.Count(page);
        if (count == CountInFirstElement && ids.Length >= sizeof(ulong))
        {
            count = BinaryPrimitives.ReadUInt64LittleEndian(ids);
            ids = ids[sizeof(ulong)..];
        }

        if (count > (ulong)(ids.Length / sizeof(ulong)))
        {
            throw SnapshotErrors.Corrupt($"page {id}: its {count} free page ids run past the end of the page");
        }

        for (var i = 0; i < (int)count; i++)
        {
            var free = BinaryPrimitives.ReadUInt64LittleEndian(ids[(i * sizeof(ulong))..]);
            if (free >= _freed.Bound)
            {
                Problem($"page {free}: freed, but beyond the high-water mark {_freed.Bound}");
            }
            else if (!_freed.Add(free))
            {
                Problem($"page {free}: already freed");
            }
        }
    }

    private void Problem(string problem)
    {
        _problemCount++;
        if (_problems.Count < MaxListed)
        {
            _problems.Add(problem);
        }
    }
}
