using System.Buffers.Binary;

namespace EtcdNet.Maintenance.Snapshot;

/// <summary>
/// Computes what etcd's snapshot status reports. For each bucket of the root bucket, in key order, a
/// CRC-32C takes the bucket's name and then each key and value (a nested bucket adds its key only);
/// every entry of every bucket is counted; the revision is the main revision (the first 8 bytes of the
/// key, big-endian) of the last key of the "key" bucket; the size is the high-water mark in bytes.
/// Pages of nested buckets are walked too, for the reachability check only.
/// </summary>
internal sealed class SnapshotStatusReader
{
    private const int RevisionSize = sizeof(long);

    private readonly Crc32C _hash = new();
    private readonly Stack<(byte[] Name, byte[] Value)> _nested = new();
    private long _keys;
    private long _revision;
    private bool _inKeyBucket;

    public static async Task<SnapshotFileStatus> ReadAsync(Stream stream, CancellationToken cancellationToken)
    {
        var file = await BoltFile.OpenAsync(stream, cancellationToken).ConfigureAwait(false);
        var reachable = new PageSet(file.HighWater);
        reachable.Add(0);
        reachable.Add(1);
        var freelist = await BoltFreelist.ReadAsync(file, reachable, cancellationToken).ConfigureAwait(false);
        var walker = new BoltTreeWalker(file, reachable);

        var buckets = new List<(byte[] Name, uint Flags, byte[] Value)>();
        await walker.WalkAsync(file.Meta.RootPage, (page, id) => CollectEntries(page, id, buckets), cancellationToken).ConfigureAwait(false);

        var reader = new SnapshotStatusReader();
        foreach (var (name, flags, value) in buckets)
        {
            if ((flags & BoltPage.BucketElementFlag) == 0)
            {
                throw SnapshotErrors.Corrupt($"cannot get hash of bucket {BoltTreeWalker.Name(name)}: the root holds a plain key there");
            }

            reader._hash.Append(name);
            reader._inKeyBucket = name.AsSpan().SequenceEqual("key"u8);
            await walker.WalkBucketAsync(name, value, reader.HashLeaf, cancellationToken).ConfigureAwait(false);
        }

        while (reader._nested.TryPop(out var nested))
        {
            await walker.WalkBucketAsync(nested.Name, nested.Value, reader.CollectNested, cancellationToken).ConfigureAwait(false);
        }

        freelist?.Check(reachable);
        var size = checked((long)(file.HighWater * (ulong)file.PageSize));
        return new SnapshotFileStatus(reader._hash.Value, reader._revision, reader._keys, size);
    }

    private static void CollectEntries(ReadOnlySpan<byte> page, ulong pageId, List<(byte[] Name, uint Flags, byte[] Value)> entries)
    {
        for (var i = 0; i < BoltPage.Count(page); i++)
        {
            var flags = BoltPage.LeafEntry(page, i, pageId, out var key, out var value);
            entries.Add((key.ToArray(), flags, value.ToArray()));
        }
    }

    private void HashLeaf(ReadOnlySpan<byte> page, ulong pageId)
    {
        for (var i = 0; i < BoltPage.Count(page); i++)
        {
            var flags = BoltPage.LeafEntry(page, i, pageId, out var key, out var value);
            _hash.Append(key);
            if ((flags & BoltPage.BucketElementFlag) != 0)
            {
                _nested.Push((key.ToArray(), value.ToArray()));
            }
            else
            {
                _hash.Append(value);
            }

            _keys++;
            if (_inKeyBucket)
            {
                if (key.Length < RevisionSize)
                {
                    throw SnapshotErrors.Corrupt($"{BoltPage.Where(pageId)}: the key bucket holds a {key.Length}-byte key, shorter than a revision");
                }

                _revision = BinaryPrimitives.ReadInt64BigEndian(key);
            }
        }
    }

    private void CollectNested(ReadOnlySpan<byte> page, ulong pageId)
    {
        for (var i = 0; i < BoltPage.Count(page); i++)
        {
            var flags = BoltPage.LeafEntry(page, i, pageId, out var key, out var value);
            if ((flags & BoltPage.BucketElementFlag) != 0)
            {
                _nested.Push((key.ToArray(), value.ToArray()));
            }
        }
    }
}
