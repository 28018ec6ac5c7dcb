using System.Buffers.Binary;

namespace EtcdNet.Maintenance.Snapshot;

/// <summary>
/// One of a bbolt file's two meta records (at offset 16 of pages 0 and 1): magic u32, version u32,
/// page size u32, flags u32, root bucket (root page u64, sequence u64), free-list page u64,
/// high-water page count u64, transaction id u64, then an FNV-1a 64 checksum of the 56 bytes before it.
/// All little-endian.
/// </summary>
internal readonly record struct BoltMeta(
    uint Magic, uint Version, uint PageSize, ulong RootPage, ulong FreelistPage, ulong HighWater, ulong TxId, ulong Checksum, ulong ComputedChecksum)
{
    /// <summary>The length of the record.</summary>
    public const int Size = 64;

    /// <summary>bbolt's magic number.</summary>
    public const uint BoltMagic = 0xED0CDAED;

    /// <summary>The only bbolt file format version.</summary>
    public const uint BoltVersion = 2;

    /// <summary>The free-list page id that means "no free list is stored" (etcd writes its databases this way).</summary>
    public const ulong NoFreelist = ulong.MaxValue;

    private const int ChecksumOffset = 56;

    /// <summary>Why this record is not usable, as bbolt judges it (magic, then version, then checksum), or null when it is.</summary>
    /// <remarks>A zero checksum is accepted, as bbolt accepts it.</remarks>
    public SnapshotFileFault? Fault =>
        Magic != BoltMagic ? SnapshotFileFault.NotBoltDatabase
        : Version != BoltVersion ? SnapshotFileFault.UnsupportedVersion
        : Checksum != 0 && Checksum != ComputedChecksum ? SnapshotFileFault.ChecksumMismatch
        : null;

    /// <summary>Reads the record from the first <see cref="Size"/> bytes of <paramref name="data"/>.</summary>
    public static BoltMeta Parse(ReadOnlySpan<byte> data) => new(
        Magic: BinaryPrimitives.ReadUInt32LittleEndian(data),
        Version: BinaryPrimitives.ReadUInt32LittleEndian(data[4..]),
        PageSize: BinaryPrimitives.ReadUInt32LittleEndian(data[8..]),
        RootPage: BinaryPrimitives.ReadUInt64LittleEndian(data[16..]),
        FreelistPage: BinaryPrimitives.ReadUInt64LittleEndian(data[32..]),
        HighWater: BinaryPrimitives.ReadUInt64LittleEndian(data[40..]),
        TxId: BinaryPrimitives.ReadUInt64LittleEndian(data[48..]),
        Checksum: BinaryPrimitives.ReadUInt64LittleEndian(data[ChecksumOffset..]),
        ComputedChecksum: Fnv1a64(data[..ChecksumOffset]));

    private static ulong Fnv1a64(ReadOnlySpan<byte> data)
    {
        var hash = 0xcbf29ce484222325UL;
        foreach (var b in data)
        {
            hash = (hash ^ b) * 0x100000001b3UL;
        }

        return hash;
    }
}
