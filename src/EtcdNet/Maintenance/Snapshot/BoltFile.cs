namespace EtcdNet.Maintenance.Snapshot;

/// <summary>
/// A bbolt database file opened for reading pages. Opening follows bbolt's own steps: the first 4096
/// bytes must be there; the page size comes from meta page 0 when it is valid (else the system page
/// size); the file must hold two pages; of the two meta pages the valid one with the higher
/// transaction id is used. On top of that, the file must reach the high-water mark the meta page gives.
/// Every page read is checked: its id below the high-water mark and not a meta page, its header
/// naming that id, its overflow pages below the mark too.
/// </summary>
internal sealed class BoltFile
{
    /// <summary>How much bbolt reads to find the page size.</summary>
    private const int FirstRead = 0x1000;
    private const int MinPageSize = 512;
    private const int MaxPageSize = 1 << 26;

    private readonly Stream _stream;
    private byte[] _buffer;

    private BoltFile(Stream stream, BoltMeta meta, int pageSize)
    {
        _stream = stream;
        Meta = meta;
        PageSize = pageSize;
        _buffer = new byte[pageSize];
    }

    /// <summary>The meta record in use.</summary>
    public BoltMeta Meta { get; }

    /// <summary>The page size in bytes.</summary>
    public int PageSize { get; }

    /// <summary>The number of pages the database spans (its high-water mark).</summary>
    public ulong HighWater => Meta.HighWater;

    /// <summary>Reads and checks the meta pages of the database in <paramref name="stream"/> (readable, seekable, read from its start).</summary>
    public static async Task<BoltFile> OpenAsync(Stream stream, CancellationToken cancellationToken)
    {
        var length = stream.Length;
        if (length < FirstRead)
        {
            throw new SnapshotFileException(SnapshotFileFault.NotBoltDatabase, $"not a bbolt database: {length} bytes, shorter than the 4096 bytes of its first page");
        }

        var first = new byte[FirstRead];
        await ReadAtAsync(stream, 0, first, cancellationToken).ConfigureAwait(false);
        var meta0 = BoltMeta.Parse(first.AsSpan(BoltPage.HeaderSize));
        var pageSize = meta0.Fault is null ? meta0.PageSize : (uint)Environment.SystemPageSize;
        if (pageSize is < MinPageSize or > MaxPageSize)
        {
            throw SnapshotErrors.Corrupt($"meta page 0 gives a page size of {pageSize} bytes");
        }

        if (length < 2L * pageSize)
        {
            throw SnapshotErrors.Truncated($"{length} bytes, shorter than two {pageSize}-byte pages");
        }

        var second = new byte[BoltPage.HeaderSize + BoltMeta.Size];
        await ReadAtAsync(stream, pageSize, second, cancellationToken).ConfigureAwait(false);
        var meta1 = BoltMeta.Parse(second.AsSpan(BoltPage.HeaderSize));
        if (meta0.Fault is { } fault && meta1.Fault is not null)
        {
            throw SnapshotErrors.BadMeta(fault);
        }

        var (newer, older) = meta1.TxId > meta0.TxId ? ((Meta: meta1, Page: 1), (Meta: meta0, Page: 0)) : ((Meta: meta0, Page: 0), (Meta: meta1, Page: 1));
        var (meta, metaPage) = newer.Meta.Fault is null ? newer : older;
        if (meta.PageSize != pageSize)
        {
            throw SnapshotErrors.Corrupt($"meta page {metaPage} gives a page size of {meta.PageSize} bytes, but the file's pages are {pageSize} bytes");
        }

        if (meta.HighWater < 2)
        {
            throw SnapshotErrors.Corrupt($"the high-water mark is {meta.HighWater} pages, below the two meta pages");
        }

        if ((ulong)length / pageSize < meta.HighWater)
        {
            throw SnapshotErrors.Truncated($"{length} bytes, but the database spans {meta.HighWater} pages of {pageSize} bytes");
        }

        return new BoltFile(stream, meta, (int)pageSize);
    }

    /// <summary>
    /// Reads page <paramref name="id"/> with its overflow pages. The memory is valid until the next call.
    /// </summary>
    public async ValueTask<ReadOnlyMemory<byte>> ReadPageAsync(ulong id, CancellationToken cancellationToken)
    {
        if (id < 2)
        {
            throw SnapshotErrors.Corrupt($"page {id} is a meta page but is referenced as a data page");
        }

        if (id >= HighWater)
        {
            throw SnapshotErrors.Corrupt($"page {id}: out of bounds (high-water mark {HighWater})");
        }

        var offset = (long)id * PageSize;
        await ReadAtAsync(_stream, offset, _buffer.AsMemory(0, PageSize), cancellationToken).ConfigureAwait(false);
        var stored = BoltPage.Id(_buffer);
        if (stored != id)
        {
            throw SnapshotErrors.Corrupt($"page {id}: its header names page {stored}");
        }

        var overflow = BoltPage.Overflow(_buffer);
        if (overflow >= HighWater - id)
        {
            throw SnapshotErrors.Corrupt($"page {id}: {overflow} overflow pages run past the high-water mark {HighWater}");
        }

        var length = (overflow + 1L) * PageSize;
        if (length > Array.MaxLength)
        {
            throw SnapshotErrors.Corrupt($"page {id}: {overflow} overflow pages make it too large to read");
        }

        if (overflow > 0)
        {
            if (_buffer.Length < length)
            {
                var larger = new byte[length];
                _buffer.AsSpan(0, PageSize).CopyTo(larger);
                _buffer = larger;
            }

            await ReadAtAsync(_stream, offset + PageSize, _buffer.AsMemory(PageSize, (int)length - PageSize), cancellationToken).ConfigureAwait(false);
        }

        return _buffer.AsMemory(0, (int)length);
    }

    private static async ValueTask ReadAtAsync(Stream stream, long offset, Memory<byte> destination, CancellationToken cancellationToken)
    {
        stream.Position = offset;
        var read = await stream.ReadAtLeastAsync(destination, destination.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        if (read < destination.Length)
        {
            throw SnapshotErrors.Truncated($"the file ends at byte {offset + read}, inside a page that starts at byte {offset}");
        }
    }
}
