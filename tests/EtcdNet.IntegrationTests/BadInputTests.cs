using System.Diagnostics;
using EtcdNet.IntegrationTests.Infrastructure;

namespace EtcdNet.IntegrationTests;

/// <summary>Requests etcd must refuse: each gives its typed error, promptly, and changes nothing.</summary>
[Collection(SingleMemberCollection.Name)]
public sealed class BadInputTests(SingleMemberFixture fixture, ITestOutputHelper output) : EtcdTest(fixture, output)
{
    private static readonly TimeSpan Prompt = TimeSpan.FromSeconds(5);

    private static async Task<T> ThrowsPromptlyAsync<T>(Func<Task> call) where T : Exception
    {
        var watch = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<T>(call);
        Assert.True(watch.Elapsed < Prompt, $"took {watch.Elapsed}");
        return error;
    }

    [Fact]
    public async Task EmptyKey_IsRejected()
    {
        var error = await ThrowsPromptlyAsync<EtcdEmptyKeyException>(() => Client.PutAsync("", "v"));

        Assert.Equal(GrpcStatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("etcdserver: key is not provided", error.ServerMessage);
        Assert.False(error.IsTransient);
        await ThrowsPromptlyAsync<EtcdEmptyKeyException>(() => Client.GetAsync(""));
        await ThrowsPromptlyAsync<EtcdEmptyKeyException>(() => Client.DeleteAsync(""));
    }

    [Fact]
    public async Task ValueOverServerLimit_IsRejectedByTheServer()
    {
        var value = new byte[(int)(1.6 * 1024 * 1024)]; // over etcd's 1.5 MiB, under the client's 2 MiB

        var error = await ThrowsPromptlyAsync<EtcdRequestTooLargeException>(() => Client.PutAsync(Key("big"), value));

        Assert.Equal("etcdserver: request is too large", error.ServerMessage);
        Assert.Empty((await Client.GetAsync(Key("big"))).Kvs);
    }

    [Fact]
    public async Task ValueOverClientLimit_IsRejectedBeforeSending()
    {
        var value = new byte[3 * 1024 * 1024];

        var error = await ThrowsPromptlyAsync<EtcdRequestTooLargeException>(() => Client.PutAsync(Key("huge"), value));

        Assert.Null(error.ServerMessage);
        Assert.Contains("MaxSendMessageSize", error.Message, StringComparison.Ordinal);
        Assert.Empty((await Client.GetAsync(Key("huge"))).Kvs);
    }

    [Fact]
    public async Task TxnWithMoreThan128Ops_IsRejected()
    {
        var ops = Enumerable.Range(0, 129).Select(i => Op.Put(Key($"t{i}"), "v")).ToArray();

        await ThrowsPromptlyAsync<EtcdTooManyOpsException>(() => Client.Txn().Then(ops).CommitAsync());

        Assert.Equal(0, (await Client.GetAsync(Prefix, new GetOptions { Prefix = true, CountOnly = true })).Count);
        var ok = await Client.Txn().Then(ops[..128]).CommitAsync();
        Assert.Equal(128, ok.Responses.Count);
    }

    [Fact]
    public async Task DuplicateKeyInTxn_IsRejected()
        => await ThrowsPromptlyAsync<EtcdDuplicateKeyException>(() => Client.Txn().Then(Op.Put(Key("d"), "1"), Op.Put(Key("d"), "2")).CommitAsync());

    [Fact]
    public async Task FutureRevision_IsRejected()
    {
        var now = (await Client.GetAsync(Key("x"))).Header.Revision;

        var error = await ThrowsPromptlyAsync<EtcdFutureRevisionException>(() => Client.GetAsync(Key("x"), new GetOptions { Revision = now + 1000 }));

        Assert.Equal(GrpcStatusCode.OutOfRange, error.StatusCode);
    }

    [Fact]
    public async Task CompactedRevision_IsRejectedWithTheCompactRevision()
    {
        var old = await Client.PutAsync(Key("c"), "1");
        var latest = await Client.PutAsync(Key("c"), "2");
        await Client.CompactAsync(latest.Header.Revision);

        var error = await ThrowsPromptlyAsync<EtcdCompactedException>(() => Client.GetAsync(Key("c"), new GetOptions { Revision = old.Header.Revision }));
        var again = await ThrowsPromptlyAsync<EtcdCompactedException>(() => Client.CompactAsync(old.Header.Revision));

        Assert.Equal(latest.Header.Revision, error.CompactRevision);
        Assert.Equal(latest.Header.Revision, again.CompactRevision);
    }

    [Fact]
    public async Task UnknownLease_IsRejected()
    {
        await ThrowsPromptlyAsync<EtcdLeaseNotFoundException>(() => Client.Lease.RevokeAsync(0x1badcafe));
        var ttl = await Client.Lease.TimeToLiveAsync(0x1badcafe);
        Assert.True(ttl.Ttl < TimeSpan.Zero);
    }
}
