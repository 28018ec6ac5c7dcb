using System.Text;
using EtcdNet.Maintenance.Snapshot;

namespace EtcdNet.UnitTests;

/// <summary>The snapshot file reader on hand-made bbolt files that are valid.</summary>
public sealed class SnapshotFileTests
{
    internal static Task<SnapshotFileStatus> ReadAsync(byte[] file) => EtcdSnapshotFile.ReadStatusAsync(new MemoryStream(file));

    internal static uint Crc(params byte[][] parts)
    {
        var crc = new Crc32C();
        foreach (var part in parts)
        {
            crc.Append(part);
        }

        return crc.Value;
    }

    [Fact]
    public void Crc32C_MatchesTheCastagnoliCheckValue()
    {
        Assert.Equal(0xE3069283u, Crc("123456789"u8.ToArray()));
        Assert.Equal(0u, Crc());

        // Fed in pieces of odd lengths, the result is the same as in one piece.
        var data = Enumerable.Range(0, 1000).Select(i => (byte)(i * 7)).ToArray();
        Assert.Equal(Crc(data), Crc(data[..3], data[3..500], data[500..]));
    }

    [Fact]
    public async Task ReadStatus_HashesBucketNamesKeysAndValues_InKeyOrder()
    {
        var status = await ReadAsync(BoltImage.Etcd().ToArray());

        var expected = Crc(
            "key"u8.ToArray(), BoltImage.Revision(5), "v5"u8.ToArray(), BoltImage.Revision(7), "v7"u8.ToArray(),
            "meta"u8.ToArray(), "consistent_index"u8.ToArray(), new byte[8]);
        Assert.Equal(new SnapshotFileStatus(expected, Revision: 7, TotalKeys: 3, TotalSize: 4 * BoltImage.PageSize), status);
    }

    [Fact]
    public async Task ReadStatus_WalksBranchPagesInOrder_AndCountsNestedBucketsByKeyOnly()
    {
        var image = new BoltImage();
        image.Set(2, BoltImage.Leaf(2, BoltEntry.Bucket("data", BoltImage.BucketAt(3)), BoltEntry.Bucket("key", BoltImage.BucketAt(6))));
        image.Set(3, BoltImage.Branch(3, 5, 4));
        image.Set(4, BoltImage.Leaf(4, new BoltEntry("b"u8.ToArray(), "2"u8.ToArray()), BoltEntry.Bucket("c", BoltImage.BucketAt(7))));
        image.Set(5, BoltImage.Leaf(5, new BoltEntry("a"u8.ToArray(), "1"u8.ToArray())));
        image.Set(6, BoltImage.Leaf(6));
        image.Set(7, BoltImage.Leaf(7, new BoltEntry("inner"u8.ToArray(), "x"u8.ToArray())));

        var status = await ReadAsync(image.ToArray());

        // The nested bucket "c" adds its name only; its own entries are neither hashed nor counted.
        var expected = Crc("data"u8.ToArray(), "a"u8.ToArray(), "1"u8.ToArray(), "b"u8.ToArray(), "2"u8.ToArray(), "c"u8.ToArray(), "key"u8.ToArray());
        Assert.Equal(new SnapshotFileStatus(expected, Revision: 0, TotalKeys: 3, TotalSize: 8 * BoltImage.PageSize), status);
    }

    [Fact]
    public async Task ReadStatus_ReadsAValueThatSpillsIntoOverflowPages()
    {
        var big = Encoding.ASCII.GetBytes(new string('z', 6000));
        var page = BoltImage.LeafOfLength(3, [new BoltEntry(BoltImage.Revision(9), big)], 2 * BoltImage.PageSize);
        BitConverter.TryWriteBytes(page.AsSpan(12, 4), 1u);
        var image = new BoltImage();
        image.Set(2, BoltImage.Leaf(2, BoltEntry.Bucket("key", BoltImage.BucketAt(3))));
        image.Set(3, page);

        var status = await ReadAsync(image.ToArray());

        Assert.Equal(Crc("key"u8.ToArray(), BoltImage.Revision(9), big), status.Hash);
        Assert.Equal(9, status.Revision);
        Assert.Equal(5 * BoltImage.PageSize, status.TotalSize);
    }

    [Fact]
    public async Task ReadStatus_UsesTheOtherMetaPage_WhenTheNewerOneIsDamaged()
    {
        var image = BoltImage.Etcd();
        var file = image.ToArray();
        image.WriteMeta(file, 1, txId: 2, highWater: 4, checksum: 12345);

        Assert.Equal(7, (await ReadAsync(file)).Revision);
    }

    [Fact]
    public async Task ReadStatus_AcceptsAFreeListThatAgreesWithTheTree()
    {
        var image = BoltImage.Etcd();
        image.FreelistPage = 4;
        image.Set(4, BoltImage.Freelist(4, 5));
        image.Set(5, BoltImage.Leaf(5));

        Assert.Equal(6 * BoltImage.PageSize, (await ReadAsync(image.ToArray())).TotalSize);
    }

    [Fact]
    public async Task ReadStatus_ReadsAFileByPath_AndIgnoresATrailingChecksum()
    {
        var path = Path.GetTempFileName();
        try
        {
            await File.WriteAllBytesAsync(path, [.. BoltImage.Etcd().ToArray(), .. new byte[32]]);
            var status = await EtcdSnapshotFile.ReadStatusAsync(path);
            Assert.Equal(7, status.Revision);
            Assert.Equal(4 * BoltImage.PageSize, status.TotalSize);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
