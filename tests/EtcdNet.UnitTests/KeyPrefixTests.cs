using EtcdNet.Namespace;
using EtcdNet.Protocol.Rpc;
using Google.Protobuf;
using Mvcc = EtcdNet.Protocol.Mvcc;

namespace EtcdNet.UnitTests;

public class KeyPrefixTests
{
    private static readonly KeyPrefix Ns = new("/a/"u8);

    private static ByteString B(string s) => ByteString.CopyFromUtf8(s);

    [Fact]
    public void Single_keys_and_ranges_get_the_prefix()
    {
        Assert.Equal((B("/a/k"), ByteString.Empty), Ns.AddRange(B("k"), ByteString.Empty));
        Assert.Equal((B("/a/b"), B("/a/d")), Ns.AddRange(B("b"), B("d")));
    }

    [Fact]
    public void The_end_of_the_keyspace_becomes_the_end_of_the_namespace()
    {
        Assert.Equal((B("/a/b"), B("/a0")), Ns.AddRange(B("b"), ByteString.CopyFrom(0)));
        // Everything ("" with prefix is encoded as "\0".."\0") stays inside the namespace.
        var (key, end) = Ns.AddRange(ByteString.CopyFrom(0), ByteString.CopyFrom(0));
        Assert.Equal(B("/a/\0"), key);
        Assert.Equal(B("/a0"), end);
    }

    [Fact]
    public void A_prefix_ending_in_0xff_ends_at_the_next_shorter_key()
    {
        var ns = new KeyPrefix([0x61, 0xff]);
        Assert.Equal(B("b"), ns.AddRange(B("x"), ByteString.CopyFrom(0)).End);
    }

    [Fact]
    public void Transactions_are_rewritten_deeply()
    {
        var txn = Op.BuildTxn(
            [Compare.Value("c", CompareOp.Equal, "v").WithPrefix()],
            [Op.Put("p", "v"), Op.Get("g", new GetOptions { Prefix = true }), Op.Txn([], [Op.Delete("d")], [])],
            [Op.Delete("e", new DeleteOptions { FromKey = true })]);

        Ns.Apply(txn);

        Assert.Equal(B("/a/c"), txn.Compare[0].Key);
        Assert.Equal(B("/a/d"), txn.Compare[0].RangeEnd);
        Assert.Equal(B("/a/p"), txn.Success[0].RequestPut.Key);
        Assert.Equal(B("/a/g"), txn.Success[1].RequestRange.Key);
        Assert.Equal(B("/a/h"), txn.Success[1].RequestRange.RangeEnd);
        Assert.Equal(B("/a/d"), txn.Success[2].RequestTxn.Success[0].RequestDeleteRange.Key);
        Assert.Equal(B("/a0"), txn.Failure[0].RequestDeleteRange.RangeEnd);
    }

    [Fact]
    public void Responses_lose_the_prefix_without_copying()
    {
        var kv = new Mvcc.KeyValue { Key = B("/a/k"), Value = B("v") };
        var response = new Protocol.Rpc.TxnResponse();
        response.Responses.Add(new ResponseOp { ResponseRange = new RangeResponse { Kvs = { kv } } });
        response.Responses.Add(new ResponseOp { ResponsePut = new Protocol.Rpc.PutResponse { PrevKv = new Mvcc.KeyValue { Key = B("/a/p") } } });
        var e = new Mvcc.Event { Kv = new Mvcc.KeyValue { Key = B("/a/w") }, PrevKv = new Mvcc.KeyValue { Key = B("/a/w") } };

        Ns.Strip(response);
        Ns.Strip(e);

        Assert.Equal("k", response.Responses[0].ResponseRange.Kvs[0].Key.ToStringUtf8());
        Assert.Equal("p", response.Responses[1].ResponsePut.PrevKv.Key.ToStringUtf8());
        Assert.Equal("w", e.Kv.Key.ToStringUtf8());
        Assert.Equal("w", e.PrevKv.Key.ToStringUtf8());
    }

    [Fact]
    public void Nested_namespaces_concatenate_and_empty_prefixes_are_refused()
    {
        Assert.Equal(B("/a/b/k"), Ns.Nest("b/"u8).Add(B("k")));
        Assert.Throws<ArgumentException>(() => new KeyPrefix([]));
    }
}
