namespace EtcdNet.UnitTests;

/// <summary>The snapshot file reader on damaged input: each case fails promptly with a typed exception.</summary>
public sealed class SnapshotFileCorruptionTests
{
    private static async Task<SnapshotFileException> FailsAsync(byte[] file, SnapshotFileFault fault, string? text = null)
    {
        var read = SnapshotFileTests.ReadAsync(file);
        var finished = await Task.WhenAny(read, Task.Delay(TimeSpan.FromSeconds(10)));
        Assert.Same(read, finished);
        var error = await Assert.ThrowsAsync<SnapshotFileException>(() => read);
        Assert.Equal(fault, error.Fault);
        Assert.NotEmpty(error.Problems);
        if (text is not null)
        {
            Assert.True(error.Message.Contains(text, StringComparison.Ordinal), $"\"{text}\" not in: {error.Message}");
        }

        return error;
    }

    private static BoltImage WithKeyBucketAt(ulong root, string name = "key")
    {
        var image = new BoltImage();
        image.Set(2, BoltImage.Leaf(2, BoltEntry.Bucket(name, BoltImage.BucketAt(root))));
        return image;
    }

    [Fact]
    public async Task WrongMagic_IsNotABoltDatabase()
    {
        var image = BoltImage.Etcd();
        var file = image.ToArray();
        image.WriteMeta(file, 0, txId: 1, highWater: 4, magic: 0xCAFEBABE);
        image.WriteMeta(file, 1, txId: 2, highWater: 4, magic: 0xCAFEBABE);
        await FailsAsync(file, SnapshotFileFault.NotBoltDatabase);
    }

    [Fact]
    public async Task TextAndShortFiles_AreNotBoltDatabases()
    {
        await FailsAsync(System.Text.Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("not a database\n", 1000))), SnapshotFileFault.NotBoltDatabase);
        await FailsAsync([], SnapshotFileFault.NotBoltDatabase);
        await FailsAsync(BoltImage.Etcd().ToArray()[..4095], SnapshotFileFault.NotBoltDatabase);
    }

    [Fact]
    public async Task BadChecksumOnBothMetas_IsAChecksumMismatch()
    {
        var image = BoltImage.Etcd();
        var file = image.ToArray();
        image.WriteMeta(file, 0, txId: 1, highWater: 4, checksum: 1);
        image.WriteMeta(file, 1, txId: 2, highWater: 4, checksum: 2);
        await FailsAsync(file, SnapshotFileFault.ChecksumMismatch);
    }

    [Fact]
    public async Task OtherFormatVersion_IsUnsupported()
    {
        var image = BoltImage.Etcd();
        var file = image.ToArray();
        image.WriteMeta(file, 0, txId: 1, highWater: 4, version: 3);
        image.WriteMeta(file, 1, txId: 2, highWater: 4, version: 3);
        await FailsAsync(file, SnapshotFileFault.UnsupportedVersion);
    }

    [Fact]
    public async Task FileShorterThanItsPages_IsTruncated()
    {
        var file = BoltImage.Etcd().ToArray();
        await FailsAsync(file[..(3 * BoltImage.PageSize)], SnapshotFileFault.Truncated, "spans 4 pages");
        await FailsAsync(file[..(3 * BoltImage.PageSize + 100)], SnapshotFileFault.Truncated);
        await FailsAsync(file[..BoltImage.PageSize], SnapshotFileFault.Truncated, "shorter than two");
    }

    [Fact]
    public async Task PageIdOutOfRange_IsCorrupt()
    {
        await FailsAsync(WithKeyBucketAt(99).ToArray(), SnapshotFileFault.Corrupt, "page 99: out of bounds");

        var image = BoltImage.Etcd();
        image.RootPage = 1000;
        await FailsAsync(image.ToArray(), SnapshotFileFault.Corrupt, "page 1000: out of bounds");
    }

    [Fact]
    public async Task MetaPageAsDataPage_IsCorrupt()
        => await FailsAsync(WithKeyBucketAt(1).ToArray(), SnapshotFileFault.Corrupt, "meta page");

    [Fact]
    public async Task OverflowPastTheHighWaterMark_IsCorrupt()
    {
        var image = WithKeyBucketAt(3);
        var page = BoltImage.Leaf(3);
        BitConverter.TryWriteBytes(page.AsSpan(12, 4), 5u);
        image.Set(3, page);
        await FailsAsync(image.ToArray(), SnapshotFileFault.Corrupt, "overflow");
    }

    [Fact]
    public async Task BranchThatPointsToItself_IsACycle()
    {
        var image = WithKeyBucketAt(3);
        image.Set(3, BoltImage.Branch(3, 3));
        await FailsAsync(image.ToArray(), SnapshotFileFault.Corrupt, "page 3: multiple references");
    }

    [Fact]
    public async Task LongerCycleAndSharedChild_AreCorrupt()
    {
        var image = WithKeyBucketAt(3);
        image.Set(3, BoltImage.Branch(3, 4));
        image.Set(4, BoltImage.Branch(4, 5));
        image.Set(5, BoltImage.Branch(5, 3));
        await FailsAsync(image.ToArray(), SnapshotFileFault.Corrupt, "page 3: multiple references");

        image = WithKeyBucketAt(3);
        image.Set(3, BoltImage.Branch(3, 4, 4));
        image.Set(4, BoltImage.Leaf(4));
        await FailsAsync(image.ToArray(), SnapshotFileFault.Corrupt, "page 4: multiple references");
    }

    [Fact]
    public async Task PageOfTheWrongType_IsCorrupt()
    {
        var image = WithKeyBucketAt(3);
        image.Set(3, BoltImage.Freelist(3));
        await FailsAsync(image.ToArray(), SnapshotFileFault.Corrupt, "page 3: invalid type: freelist");
    }

    [Fact]
    public async Task PageHeaderNamingAnotherPage_IsCorrupt()
    {
        var image = WithKeyBucketAt(3);
        image.Set(3, BoltImage.Leaf(8));
        await FailsAsync(image.ToArray(), SnapshotFileFault.Corrupt, "names page 8");
    }

    [Fact]
    public async Task ElementsOutsideThePage_AreCorrupt()
    {
        // 300 elements of 16 bytes do not fit in a 4096-byte page.
        var image = WithKeyBucketAt(3, name: "data");
        image.Set(3, BoltImage.Header(3, 0x02, count: 300, BoltImage.PageSize));
        await FailsAsync(image.ToArray(), SnapshotFileFault.Corrupt, "outside the page");

        var page = BoltImage.Leaf(3, new BoltEntry(BoltImage.Revision(1), [1]));
        BitConverter.TryWriteBytes(page.AsSpan(16 + 12, 4), 100_000u);
        image.Set(3, page);
        await FailsAsync(image.ToArray(), SnapshotFileFault.Corrupt, "outside the page");
    }

    [Fact]
    public async Task RootKeyThatIsNotABucket_AndShortRevisionKey_AreCorrupt()
    {
        var image = new BoltImage();
        image.Set(2, BoltImage.Leaf(2, new BoltEntry("plain"u8.ToArray(), [1])));
        await FailsAsync(image.ToArray(), SnapshotFileFault.Corrupt, "\"plain\"");

        image = WithKeyBucketAt(3);
        image.Set(3, BoltImage.Leaf(3, new BoltEntry("abc"u8.ToArray(), [1])));
        await FailsAsync(image.ToArray(), SnapshotFileFault.Corrupt, "shorter than a revision");
    }

    [Fact]
    public async Task FreeListDisagreeingWithTheTree_ListsEachProblem()
    {
        var image = BoltImage.Etcd();
        image.FreelistPage = 4;
        image.Set(4, BoltImage.Freelist(4, 3, 3));
        image.Set(5, BoltImage.Leaf(5));

        var error = await FailsAsync(image.ToArray(), SnapshotFileFault.Corrupt, "3 problems");
        Assert.Equal(["page 3: already freed", "page 3: reachable freed", "page 5: unreachable unfreed"], error.Problems);
    }

    [Fact]
    public async Task FreeListPageOfTheWrongType_IsCorrupt()
    {
        var image = BoltImage.Etcd();
        image.FreelistPage = 4;
        image.Set(4, BoltImage.Leaf(4));
        await FailsAsync(image.ToArray(), SnapshotFileFault.Corrupt, "invalid freelist page");
    }

    [Fact]
    public async Task MissingFile_AndUnusableStream_FailWithTheirOwnTypes()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"etcdnet-missing-{Guid.NewGuid():N}.db");
        await Assert.ThrowsAsync<FileNotFoundException>(() => EtcdSnapshotFile.ReadStatusAsync(missing));
        await Assert.ThrowsAsync<ArgumentException>(() => EtcdSnapshotFile.ReadStatusAsync(string.Empty));
        await Assert.ThrowsAsync<ArgumentException>(() => EtcdSnapshotFile.ReadStatusAsync(new NonSeekableStream()));
    }

    [Fact]
    public async Task CancelledToken_StopsTheRead()
    {
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => EtcdSnapshotFile.ReadStatusAsync(new MemoryStream(BoltImage.Etcd().ToArray()), cancel.Token));
    }

    private sealed class NonSeekableStream : MemoryStream
    {
        public override bool CanSeek => false;
    }
}
