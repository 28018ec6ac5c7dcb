using System.Buffers.Binary;
using System.Text;

namespace EtcdNet.UnitTests;

/// <summary>One leaf entry of a hand-made bbolt page: flag 1 marks the value as a nested bucket.</summary>
internal sealed record BoltEntry(byte[] Key, byte[] Value, uint Flags = 0)
{
    public static BoltEntry Bucket(string name, byte[] value) => new(Encoding.UTF8.GetBytes(name), value, 1);
}

/// <summary>
/// Builds small bbolt database files byte by byte for the snapshot reader's tests: 4096-byte pages, two
/// meta pages (meta 1 has the higher transaction id), and the data pages a test sets.
/// </summary>
internal sealed class BoltImage
{
    public const int PageSize = 4096;
    public const ulong NoFreelist = ulong.MaxValue;

    private readonly SortedDictionary<ulong, byte[]> _pages = [];

    public ulong RootPage { get; set; } = 2;

    public ulong FreelistPage { get; set; } = NoFreelist;

    /// <summary>The page count the meta pages give; by default one past the highest page set.</summary>
    public ulong? HighWater { get; set; }

    /// <summary>
    /// A small etcd-like database: the root (page 2) holds bucket "key" (page 3, two revision keys: main
    /// revisions 5 and 7) and the inline bucket "meta" (one key).
    /// </summary>
    public static BoltImage Etcd()
    {
        var image = new BoltImage();
        image.Set(2, Leaf(2, BoltEntry.Bucket("key", BucketAt(3)), BoltEntry.Bucket("meta", Inline(new BoltEntry("consistent_index"u8.ToArray(), new byte[8])))));
        image.Set(3, Leaf(3, new BoltEntry(Revision(5), "v5"u8.ToArray()), new BoltEntry(Revision(7), "v7"u8.ToArray())));
        return image;
    }

    /// <summary>etcd's key of a revision: main (8 bytes, big-endian), '_', sub (8 bytes).</summary>
    public static byte[] Revision(long main)
    {
        var key = new byte[17];
        BinaryPrimitives.WriteInt64BigEndian(key, main);
        key[8] = (byte)'_';
        return key;
    }

    /// <summary>The value of a bucket entry whose tree starts at page <paramref name="root"/>.</summary>
    public static byte[] BucketAt(ulong root)
    {
        var value = new byte[16];
        BinaryPrimitives.WriteUInt64LittleEndian(value, root);
        return value;
    }

    /// <summary>The value of an inline bucket: a zero root, then its leaf page.</summary>
    public static byte[] Inline(params BoltEntry[] entries) => [.. new byte[16], .. LeafOfLength(0, entries, 0)];

    /// <summary>A leaf page; <paramref name="pageLength"/> 0 makes it just long enough (inline pages).</summary>
    public static byte[] LeafOfLength(ulong id, BoltEntry[] entries, int pageLength)
    {
        var dataStart = 16 + (16 * entries.Length);
        var length = pageLength != 0 ? pageLength : dataStart + entries.Sum(e => e.Key.Length + e.Value.Length);
        var page = Header(id, 0x02, (ushort)entries.Length, length);
        var data = dataStart;
        for (var i = 0; i < entries.Length; i++)
        {
            var element = page.AsSpan(16 + (16 * i));
            BinaryPrimitives.WriteUInt32LittleEndian(element, entries[i].Flags);
            BinaryPrimitives.WriteUInt32LittleEndian(element[4..], (uint)(data - (16 + (16 * i))));
            BinaryPrimitives.WriteUInt32LittleEndian(element[8..], (uint)entries[i].Key.Length);
            BinaryPrimitives.WriteUInt32LittleEndian(element[12..], (uint)entries[i].Value.Length);
            entries[i].Key.CopyTo(page, data);
            entries[i].Value.CopyTo(page, data + entries[i].Key.Length);
            data += entries[i].Key.Length + entries[i].Value.Length;
        }

        return page;
    }

    public static byte[] Leaf(ulong id, params BoltEntry[] entries) => LeafOfLength(id, entries, PageSize);

    /// <summary>A branch page whose children have one-byte keys 'a', 'b', ...</summary>
    public static byte[] Branch(ulong id, params ulong[] children)
    {
        var page = Header(id, 0x01, (ushort)children.Length, PageSize);
        var data = 16 + (16 * children.Length);
        for (var i = 0; i < children.Length; i++)
        {
            var element = page.AsSpan(16 + (16 * i));
            BinaryPrimitives.WriteUInt32LittleEndian(element, (uint)(data - (16 + (16 * i))));
            BinaryPrimitives.WriteUInt32LittleEndian(element[4..], 1);
            BinaryPrimitives.WriteUInt64LittleEndian(element[8..], children[i]);
            page[data++] = (byte)('a' + i);
        }

        return page;
    }

    /// <summary>A free-list page listing <paramref name="free"/>.</summary>
    public static byte[] Freelist(ulong id, params ulong[] free)
    {
        var page = Header(id, 0x10, (ushort)free.Length, PageSize);
        for (var i = 0; i < free.Length; i++)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(page.AsSpan(16 + (8 * i)), free[i]);
        }

        return page;
    }

    public static byte[] Header(ulong id, ushort flags, ushort count, int length, uint overflow = 0)
    {
        var page = new byte[length];
        BinaryPrimitives.WriteUInt64LittleEndian(page, id);
        BinaryPrimitives.WriteUInt16LittleEndian(page.AsSpan(8), flags);
        BinaryPrimitives.WriteUInt16LittleEndian(page.AsSpan(10), count);
        BinaryPrimitives.WriteUInt32LittleEndian(page.AsSpan(12), overflow);
        return page;
    }

    /// <summary>Sets page <paramref name="id"/> (a page of several page lengths spans that many ids).</summary>
    public BoltImage Set(ulong id, byte[] page)
    {
        _pages[id] = page;
        return this;
    }

    /// <summary>The file: both meta pages with valid checksums, then every page set (unset pages are zero).</summary>
    public byte[] ToArray()
    {
        var last = _pages.Count == 0 ? 1UL : _pages.Max(p => p.Key + (ulong)((p.Value.Length - 1) / PageSize));
        var highWater = HighWater ?? Math.Max(last + 1, 2);
        var file = new byte[Math.Max(highWater, last + 1) * PageSize];
        foreach (var (id, page) in _pages)
        {
            page.CopyTo(file, (int)id * PageSize);
        }

        WriteMeta(file, 0, txId: 1, highWater);
        WriteMeta(file, 1, txId: 2, highWater);
        return file;
    }

    /// <summary>Writes a meta page; <paramref name="checksum"/> null computes the right one.</summary>
    public void WriteMeta(byte[] file, int page, ulong txId, ulong highWater, uint magic = 0xED0CDAED, uint version = 2, ulong? checksum = null)
    {
        var start = page * PageSize;
        Header((ulong)page, 0x04, 0, 16).CopyTo(file, start);
        var meta = file.AsSpan(start + 16, 64);
        BinaryPrimitives.WriteUInt32LittleEndian(meta, magic);
        BinaryPrimitives.WriteUInt32LittleEndian(meta[4..], version);
        BinaryPrimitives.WriteUInt32LittleEndian(meta[8..], PageSize);
        BinaryPrimitives.WriteUInt64LittleEndian(meta[16..], RootPage);
        BinaryPrimitives.WriteUInt64LittleEndian(meta[32..], FreelistPage);
        BinaryPrimitives.WriteUInt64LittleEndian(meta[40..], highWater);
        BinaryPrimitives.WriteUInt64LittleEndian(meta[48..], txId);
        BinaryPrimitives.WriteUInt64LittleEndian(meta[56..], checksum ?? Fnv1a64(meta[..56]));
    }

    private static ulong Fnv1a64(ReadOnlySpan<byte> data)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in data)
        {
            hash ^= b;
            hash *= 1099511628211UL;
        }

        return hash;
    }
}
