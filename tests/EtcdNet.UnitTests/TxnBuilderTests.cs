using Google.Protobuf;
using Proto = EtcdNet.Protocol.Rpc;

namespace EtcdNet.UnitTests;

public class TxnBuilderTests
{
    private static string Utf8(ByteString bytes) => bytes.ToStringUtf8();

    private static (Txn Txn, Func<Proto.TxnRequest?> Sent) NewTxn()
    {
        Proto.TxnRequest? sent = null;
        var txn = new Txn((request, _, _) =>
        {
            sent = request;
            return Task.FromResult<TxnResponse>(null!);
        });
        return (txn, () => sent);
    }

    [Fact]
    public async Task Txn_builder_collects_If_Then_Else()
    {
        var (txn, sent) = NewTxn();
        await txn.If(Compare.Version("k", CompareOp.Equal, 0), Compare.Lease("l", CompareOp.Equal, 0))
            .Then(Op.Put("k", "v"))
            .Else(Op.Get("k"), Op.Get("l"))
            .CommitAsync();

        var request = sent();
        Assert.NotNull(request);
        Assert.Equal(2, request.Compare.Count);
        Assert.Equal("k", Utf8(request.Compare[0].Key));
        Assert.Equal("l", Utf8(request.Compare[1].Key));
        Assert.Equal("k", Utf8(Assert.Single(request.Success).RequestPut.Key));
        Assert.Equal(2, request.Failure.Count);
        Assert.Equal("l", Utf8(request.Failure[1].RequestRange.Key));
    }

    [Fact]
    public async Task Txn_builder_parts_are_optional()
    {
        var (txn, sent) = NewTxn();
        await txn.Else(Op.Delete("x")).CommitAsync();
        var request = sent()!;
        Assert.Empty(request.Compare);
        Assert.Empty(request.Success);
        Assert.Single(request.Failure);

        (txn, sent) = NewTxn();
        await txn.Then(Op.Put("a", "b")).CommitAsync();
        Assert.Single(sent()!.Success);

        (txn, sent) = NewTxn();
        await txn.CommitAsync();
        Assert.Equal(new Proto.TxnRequest(), sent());
    }

    [Fact]
    public void If_after_Then_throws()
    {
        var (txn, _) = NewTxn();
        txn.Then(Op.Get("k"));
        Assert.Throws<InvalidOperationException>(() => txn.If(Compare.Version("k", CompareOp.Equal, 0)));
    }

    [Fact]
    public void If_after_Else_throws()
    {
        var (txn, _) = NewTxn();
        txn.Else(Op.Get("k"));
        Assert.Throws<InvalidOperationException>(() => txn.If());
    }

    [Fact]
    public void If_twice_throws()
    {
        var (txn, _) = NewTxn();
        txn.If(Compare.Version("k", CompareOp.Equal, 0));
        Assert.Throws<InvalidOperationException>(() => txn.If(Compare.Version("k", CompareOp.Equal, 0)));
    }

    [Fact]
    public void Then_twice_throws()
    {
        var (txn, _) = NewTxn();
        txn.If().Then(Op.Get("a"));
        Assert.Throws<InvalidOperationException>(() => txn.Then(Op.Get("b")));
    }

    [Fact]
    public void Then_after_Else_throws()
    {
        var (txn, _) = NewTxn();
        txn.Else(Op.Get("a"));
        Assert.Throws<InvalidOperationException>(() => txn.Then(Op.Get("b")));
    }

    [Fact]
    public void Else_twice_throws()
    {
        var (txn, _) = NewTxn();
        txn.Else(Op.Get("a"));
        Assert.Throws<InvalidOperationException>(() => txn.Else(Op.Get("b")));
    }

    [Fact]
    public async Task A_rejected_call_does_not_change_the_transaction()
    {
        var (txn, sent) = NewTxn();
        txn.If(Compare.Version("k", CompareOp.Equal, 0)).Then(Op.Put("k", "v"));
        Assert.Throws<InvalidOperationException>(() => txn.Then(Op.Put("other", "v")));
        Assert.Throws<InvalidOperationException>(() => txn.If(Compare.Version("other", CompareOp.Equal, 0)));
        await txn.CommitAsync();

        var request = sent()!;
        Assert.Equal("k", Utf8(Assert.Single(request.Compare).Key));
        Assert.Equal("k", Utf8(Assert.Single(request.Success).RequestPut.Key));
    }
}
