using EtcdNet.IntegrationTests.Infrastructure;

namespace EtcdNet.IntegrationTests;

/// <summary>Transactions: every compare target and operator, ranges and prefixes, nesting, and results.</summary>
[Collection(SingleMemberCollection.Name)]
public class TxnTests(SingleMemberFixture fixture, ITestOutputHelper output) : EtcdTest(fixture, output)
{
    private Task<TxnResponse> IfAsync(params Compare[] compares)
        => Client.Txn().If(compares).Then(Op.Get(Key("then"))).Else(Op.Get(Key("else"))).CommitAsync();

    [Fact]
    public async Task Value_ComparesLexically()
    {
        await Client.PutAsync(Key("k"), "b10");

        Assert.True((await IfAsync(Compare.Value(Key("k"), CompareOp.Greater, "b09"))).Succeeded);
        Assert.True((await IfAsync(Compare.Value(Key("k"), CompareOp.Less, "b9"))).Succeeded); // "b10" < "b9" lexically
        Assert.True((await IfAsync(Compare.Value(Key("k"), CompareOp.Equal, "b10"))).Succeeded);
        Assert.False((await IfAsync(Compare.Value(Key("k"), CompareOp.NotEqual, "b10"))).Succeeded);
    }

    [Fact]
    public async Task Version_CountsWritesAndZeroMeansAbsent()
    {
        await Client.PutAsync(Key("k"), "1");
        await Client.PutAsync(Key("k"), "2");

        Assert.True((await IfAsync(Compare.Version(Key("k"), CompareOp.Equal, 2))).Succeeded);
        Assert.False((await IfAsync(Compare.Version(Key("k"), CompareOp.Equal, 1))).Succeeded);
        Assert.True((await IfAsync(Compare.Version(Key("absent"), CompareOp.Equal, 0))).Succeeded);
    }

    [Fact]
    public async Task CreateAndModRevision_CompareAgainstTheWrites()
    {
        var created = await Client.PutAsync(Key("k"), "1");
        var modified = await Client.PutAsync(Key("k"), "2");

        Assert.True((await IfAsync(Compare.CreateRevision(Key("k"), CompareOp.Equal, created.Header.Revision))).Succeeded);
        Assert.False((await IfAsync(Compare.CreateRevision(Key("k"), CompareOp.Equal, modified.Header.Revision))).Succeeded);
        Assert.True((await IfAsync(Compare.ModRevision(Key("k"), CompareOp.Equal, modified.Header.Revision))).Succeeded);
        Assert.True((await IfAsync(Compare.ModRevision(Key("k"), CompareOp.Greater, created.Header.Revision))).Succeeded);
        Assert.False((await IfAsync(Compare.ModRevision(Key("k"), CompareOp.Less, created.Header.Revision))).Succeeded);
    }

    [Fact]
    public async Task Lease_ComparesTheAttachedLease()
    {
        var lease = await Client.Lease.GrantAsync(TimeSpan.FromSeconds(60));
        await Client.PutAsync(Key("leased"), "v", new PutOptions { Lease = lease.Id });
        await Client.PutAsync(Key("plain"), "v");

        Assert.True((await IfAsync(Compare.Lease(Key("leased"), CompareOp.Equal, lease.Id))).Succeeded);
        Assert.True((await IfAsync(Compare.Lease(Key("plain"), CompareOp.Equal, 0))).Succeeded);
        Assert.False((await IfAsync(Compare.Lease(Key("plain"), CompareOp.Equal, lease.Id))).Succeeded);
        await Client.Lease.RevokeAsync(lease.Id);
    }

    [Fact]
    public async Task PrefixAndRange_RequireEveryKeyToMatch()
    {
        await Client.PutAsync(Key("p/a"), "1");
        await Client.PutAsync(Key("p/b"), "1");
        await Client.PutAsync(Key("q"), "2");

        Assert.True((await IfAsync(Compare.Value(Key("p/"), CompareOp.Equal, "1").WithPrefix())).Succeeded);
        await Client.PutAsync(Key("p/c"), "2");
        Assert.False((await IfAsync(Compare.Value(Key("p/"), CompareOp.Equal, "1").WithPrefix())).Succeeded);
        Assert.True((await IfAsync(Compare.Value(Key("p/a"), CompareOp.Equal, "1").WithRange(Key("p/c")))).Succeeded);
        Assert.False((await IfAsync(Compare.Value(Key("p/a"), CompareOp.Equal, "1").WithRange(Key("p/d")))).Succeeded);
    }

    [Fact]
    public async Task Branches_RunTheirOpsAndReturnTheirResponses()
    {
        await Client.PutAsync(Key("k"), "v");

        var resp = await Client.Txn()
            .If(Compare.Version(Key("k"), CompareOp.Greater, 0))
            .Then(Op.Put(Key("a"), "1", new PutOptions { PrevKv = true }), Op.Get(Key("k")), Op.Delete(Key("k")))
            .Else(Op.Put(Key("else"), "x"))
            .CommitAsync();

        Assert.True(resp.Succeeded);
        Assert.Equal([OpKind.Put, OpKind.Get, OpKind.Delete], resp.Responses.Select(r => r.Kind));
        Assert.Equal("v", resp.Responses[1].Get!.Kvs[0].ValueString);
        Assert.Equal(1, resp.Responses[2].Delete!.Deleted);
        Assert.Empty((await Client.GetAsync(Key("else"))).Kvs);
        Assert.Equal(resp.Header.Revision, (await Client.GetAsync(Key("a"))).Kvs[0].ModRevision);
    }

    [Fact]
    public async Task NestedTxn_RunsInsideTheOuterBranch()
    {
        await Client.PutAsync(Key("outer"), "yes");

        var inner = Op.Txn(
            [Compare.Value(Key("outer"), CompareOp.Equal, "yes")],
            [Op.Put(Key("inner"), "then")],
            [Op.Put(Key("inner"), "else")]);
        var resp = await Client.Txn().If().Then(inner, Op.Get(Key("inner"))).CommitAsync();

        var nested = Assert.IsType<TxnResponse>(resp.Responses[0].Txn);
        Assert.True(nested.Succeeded);
        Assert.Equal(OpKind.Put, Assert.Single(nested.Responses).Kind);
        Assert.Equal("then", resp.Responses[1].Get!.Kvs[0].ValueString);
    }

    [Fact]
    public async Task DoTxn_RunsANestedTxnOp()
    {
        var resp = await Client.DoAsync(Op.Txn([Compare.Version(Key("none"), CompareOp.Equal, 0)], [Op.Put(Key("created"), "1")], []));

        Assert.True(resp.Txn!.Succeeded);
        Assert.Equal("1", (await Client.GetAsync(Key("created"))).Kvs[0].ValueString);
    }

    [Fact]
    public async Task TxnBuilder_EnforcesIfThenElseOrder()
    {
        var txn = Client.Txn().Then(Op.Get(Key("a")));

        Assert.Throws<InvalidOperationException>(() => txn.If(Compare.Version(Key("a"), CompareOp.Equal, 0)));
        Assert.Throws<InvalidOperationException>(() => txn.Then(Op.Get(Key("a"))));
        await txn.Else(Op.Get(Key("b"))).CommitAsync();
    }
}
