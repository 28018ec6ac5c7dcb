using Google.Protobuf;
using Proto = EtcdNet.Protocol.Rpc;

namespace EtcdNet.UnitTests;

public class OpPutDeleteTests
{
    private static string Utf8(ByteString bytes) => bytes.ToStringUtf8();

    [Fact]
    public void Put_with_defaults()
    {
        var op = Op.Put("k", "v");
        Assert.Equal(OpKind.Put, op.Kind);
        Assert.Equal(Proto.RequestOp.RequestOneofCase.RequestPut, op.Request.RequestCase);
        Assert.Equal(new Proto.PutRequest { Key = ByteString.CopyFromUtf8("k"), Value = ByteString.CopyFromUtf8("v") }, op.Request.RequestPut);
    }

    [Fact]
    public void Put_maps_every_option()
    {
        var r = Op.Put("k", new byte[] { 1, 2, 3 }, new PutOptions { Lease = 0x1234, PrevKv = true, IgnoreValue = true, IgnoreLease = true }).Request.RequestPut;
        Assert.Equal("k", Utf8(r.Key));
        Assert.Equal(new byte[] { 1, 2, 3 }, r.Value.ToByteArray());
        Assert.Equal(0x1234, r.Lease);
        Assert.True(r.PrevKv);
        Assert.True(r.IgnoreValue);
        Assert.True(r.IgnoreLease);
    }

    [Fact]
    public void Put_of_an_empty_value()
    {
        var r = Op.Put("k", EtcdBytes.Empty).Request.RequestPut;
        Assert.True(r.Value.IsEmpty);
    }

    [Fact]
    public void Delete_with_defaults_deletes_one_key()
    {
        var op = Op.Delete("k");
        Assert.Equal(OpKind.Delete, op.Kind);
        Assert.Equal(Proto.RequestOp.RequestOneofCase.RequestDeleteRange, op.Request.RequestCase);
        Assert.Equal(new Proto.DeleteRangeRequest { Key = ByteString.CopyFromUtf8("k") }, op.Request.RequestDeleteRange);
    }

    [Fact]
    public void Delete_maps_every_option()
    {
        var prefix = Op.Delete("a/", new DeleteOptions { Prefix = true, PrevKv = true }).Request.RequestDeleteRange;
        Assert.Equal("a/", Utf8(prefix.Key));
        Assert.Equal("a0", Utf8(prefix.RangeEnd));
        Assert.True(prefix.PrevKv);

        var range = Op.Delete("a", new DeleteOptions { RangeEnd = "c" }).Request.RequestDeleteRange;
        Assert.Equal("c", Utf8(range.RangeEnd));
        Assert.False(range.PrevKv);

        var fromKey = Op.Delete("a", new DeleteOptions { FromKey = true }).Request.RequestDeleteRange;
        Assert.Equal(new byte[] { 0 }, fromKey.RangeEnd.ToByteArray());
    }

    [Fact]
    public void Delete_rejects_two_range_options()
    {
        var e = Assert.Throws<ArgumentException>(() => Op.Delete("k", new DeleteOptions { FromKey = true, RangeEnd = "z" }));
        Assert.Equal("options", e.ParamName);
    }
}
