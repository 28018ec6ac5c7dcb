using Google.Protobuf;
using Proto = EtcdNet.Protocol.Rpc;

namespace EtcdNet.UnitTests;

public class OpTxnTests
{
    private static string Utf8(ByteString bytes) => bytes.ToStringUtf8();

    [Fact]
    public void Txn_keeps_compares_and_branches_in_order()
    {
        var op = Op.Txn(
            [Compare.Version("a", CompareOp.Equal, 0), Compare.Value("b", CompareOp.NotEqual, "x")],
            [Op.Put("a", "1"), Op.Get("b")],
            [Op.Delete("c"), Op.Txn([], [Op.Get("nested")], [])]);

        Assert.Equal(OpKind.Txn, op.Kind);
        Assert.Equal(Proto.RequestOp.RequestOneofCase.RequestTxn, op.Request.RequestCase);
        var txn = op.Request.RequestTxn;

        Assert.Equal(2, txn.Compare.Count);
        Assert.Equal("a", Utf8(txn.Compare[0].Key));
        Assert.Equal("b", Utf8(txn.Compare[1].Key));

        Assert.Equal(2, txn.Success.Count);
        Assert.Equal("a", Utf8(txn.Success[0].RequestPut.Key));
        Assert.Equal("b", Utf8(txn.Success[1].RequestRange.Key));

        Assert.Equal(2, txn.Failure.Count);
        Assert.Equal("c", Utf8(txn.Failure[0].RequestDeleteRange.Key));
        var nested = txn.Failure[1].RequestTxn;
        Assert.Empty(nested.Compare);
        Assert.Equal("nested", Utf8(Assert.Single(nested.Success).RequestRange.Key));
        Assert.Empty(nested.Failure);
    }

    [Fact]
    public void Txn_rejects_null_arguments_and_elements()
    {
        Assert.Throws<ArgumentNullException>(() => Op.Txn(null!, [], []));
        Assert.Throws<ArgumentNullException>(() => Op.Txn([], null!, []));
        Assert.Throws<ArgumentNullException>(() => Op.Txn([], [], null!));
        Assert.Throws<ArgumentNullException>(() => Op.Txn([null!], [], []));
        Assert.Throws<ArgumentNullException>(() => Op.Txn([], [null!], []));
        Assert.Throws<ArgumentNullException>(() => Op.Txn([], [], [null!]));
    }
}
