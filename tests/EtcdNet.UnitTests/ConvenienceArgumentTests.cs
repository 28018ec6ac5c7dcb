using EtcdNet.Conveniences;

namespace EtcdNet.UnitTests;

/// <summary>The Lua-style conveniences' argument handling, without a server.</summary>
public sealed class ConvenienceArgumentTests
{
    private static EtcdClient Unreachable(TimeSpan? defaultTtl = null)
        => new(new EtcdClientOptions { Endpoints = ["http://127.0.0.1:1"], DefaultTtl = defaultTtl, MaxAttempts = 1 });

    [Theory]
    [InlineData("a/b", "a/b/")]
    [InlineData("a/b/", "a/b/")]
    [InlineData("/", "/")]
    [InlineData("x", "x/")]
    public void DirectoryPrefix_AppendsASlashWhenMissing(string dir, string prefix)
    {
        Assert.Equal(prefix, DirectoryPrefix.Of(dir, "dir").ToString());
    }

    [Fact]
    public void DirectoryPrefix_RejectsAnEmptyDirectory()
    {
        Assert.Equal("dir", Assert.Throws<ArgumentException>(() => DirectoryPrefix.Of(EtcdBytes.Empty, "dir")).ParamName);
    }

    [Fact]
    public void ReadDirOptions_MapToAPrefixGet()
    {
        var get = new ReadDirOptions { Revision = 7, Limit = 3, SortTarget = SortTarget.Value, SortOrder = SortOrder.Descend, KeysOnly = true, CountOnly = true }.ToGetOptions();

        Assert.Equal(new GetOptions { Prefix = true, Revision = 7, Limit = 3, SortTarget = SortTarget.Value, SortOrder = SortOrder.Descend, KeysOnly = true, CountOnly = true }, get);
        Assert.Equal(new GetOptions { Prefix = true }, new ReadDirOptions().ToGetOptions());
    }

    [Fact]
    public async Task DirectoryCalls_RejectBadArgumentsBeforeSending()
    {
        using var client = Unreachable();

        await Assert.ThrowsAsync<ArgumentException>(() => client.ReadDirAsync(EtcdBytes.Empty));
        await Assert.ThrowsAsync<ArgumentException>(() => client.RemoveDirAsync(""));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.ReadDirAsync("d", new ReadDirOptions { Limit = -1 }));
        Assert.Throws<ArgumentException>(() => client.WatchDirAsync(""));
        Assert.Throws<ArgumentException>(() => client.WatchDirAsync("d", new WatchOptions { FromKey = true }));
    }

    [Fact]
    public async Task Ttl_IsValidatedBeforeAnythingIsSent()
    {
        using var client = Unreachable();

        var fraction = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.PutAsync("k", "v", new PutOptions { Ttl = TimeSpan.FromMilliseconds(2500) }));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.PutIfAbsentAsync("k", "v", new PutOptions { Ttl = TimeSpan.FromSeconds(-1) }));
        var withLease = await Assert.ThrowsAsync<ArgumentException>(() => client.PutIfExistsAsync("k", "v", new PutOptions { Ttl = TimeSpan.FromSeconds(5), Lease = 1 }));

        Assert.Equal("Ttl", fraction.ParamName);
        Assert.Contains("whole number of seconds", fraction.Message, StringComparison.Ordinal);
        Assert.Contains("cannot be combined with Lease or IgnoreLease", withLease.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DefaultTtl_IsValidatedWithTheOptions()
    {
        using var valid = Unreachable(TimeSpan.FromSeconds(10));

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Unreachable(TimeSpan.FromMilliseconds(500)));

        Assert.Equal("DefaultTtl", error.ParamName);
        Assert.Null(new EtcdClientOptions().DefaultTtl);
    }

    [Fact]
    public async Task ConditionalPuts_WithTtl_NeedTheClientsOwnKvClient()
    {
        var foreign = new ForeignKv();

        await Assert.ThrowsAsync<NotSupportedException>(() => foreign.PutIfAbsentAsync("k", "v", new PutOptions { Ttl = TimeSpan.FromSeconds(5) }));
        await Assert.ThrowsAsync<ArgumentNullException>(() => ((IKvClient)null!).PutIfAbsentAsync("k", "v"));
    }

    /// <summary>An IKvClient that is not the client's own (e.g. a decorator); it must not be called here.</summary>
    private sealed class ForeignKv : IKvClient
    {
        public Task<PutResponse> PutAsync(EtcdBytes key, EtcdBytes value, PutOptions? options = null, CancellationToken cancellationToken = default) => throw new InvalidOperationException();

        public Task<GetResponse> GetAsync(EtcdBytes key, GetOptions? options = null, CancellationToken cancellationToken = default) => throw new InvalidOperationException();

        public Task<DeleteResponse> DeleteAsync(EtcdBytes key, DeleteOptions? options = null, CancellationToken cancellationToken = default) => throw new InvalidOperationException();

        public Task<CompactResponse> CompactAsync(long revision, bool physical = false, CancellationToken cancellationToken = default) => throw new InvalidOperationException();

        public Task<OpResponse> DoAsync(Op op, CancellationToken cancellationToken = default) => throw new InvalidOperationException();

        public Txn Txn() => throw new InvalidOperationException();
    }
}
