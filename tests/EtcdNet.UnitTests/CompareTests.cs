using Google.Protobuf;
using Proto = EtcdNet.Protocol.Rpc;

namespace EtcdNet.UnitTests;

public class CompareTests
{
    private static string Utf8(ByteString bytes) => bytes.ToStringUtf8();

    [Fact]
    public void Compare_Value()
    {
        var c = Compare.Value("k", CompareOp.Equal, "v");
        Assert.Equal(CompareTarget.Value, c.Target);
        Assert.Equal(CompareOp.Equal, c.Op);

        var p = c.ToProto();
        Assert.Equal("k", Utf8(p.Key));
        Assert.Equal(Proto.Compare.Types.CompareTarget.Value, p.Target);
        Assert.Equal(Proto.Compare.Types.CompareResult.Equal, p.Result);
        Assert.Equal(Proto.Compare.TargetUnionOneofCase.Value, p.TargetUnionCase);
        Assert.Equal("v", Utf8(p.Value));
        Assert.True(p.RangeEnd.IsEmpty);
    }

    [Fact]
    public void Compare_Value_with_empty_operand_still_sets_the_union()
    {
        var p = Compare.Value("k", CompareOp.Equal, EtcdBytes.Empty).ToProto();
        Assert.Equal(Proto.Compare.TargetUnionOneofCase.Value, p.TargetUnionCase);
        Assert.Equal(Proto.Compare.TargetUnionOneofCase.Value, Proto.Compare.Parser.ParseFrom(p.ToByteArray()).TargetUnionCase);
    }

    [Fact]
    public void Compare_Version()
    {
        var p = Compare.Version("k", CompareOp.Greater, 3).ToProto();
        Assert.Equal(Proto.Compare.Types.CompareTarget.Version, p.Target);
        Assert.Equal(Proto.Compare.Types.CompareResult.Greater, p.Result);
        Assert.Equal(Proto.Compare.TargetUnionOneofCase.Version, p.TargetUnionCase);
        Assert.Equal(3, p.Version);
    }

    [Fact]
    public void Compare_Version_zero_is_sent_on_the_wire()
    {
        // "the key does not exist" is version == 0: the union field must be present even though it is 0.
        var p = Compare.Version("k", CompareOp.Equal, 0).ToProto();
        Assert.Equal(Proto.Compare.TargetUnionOneofCase.Version, p.TargetUnionCase);
        var roundTripped = Proto.Compare.Parser.ParseFrom(p.ToByteArray());
        Assert.Equal(Proto.Compare.TargetUnionOneofCase.Version, roundTripped.TargetUnionCase);
        Assert.Equal(0, roundTripped.Version);
    }

    [Fact]
    public void Compare_CreateRevision()
    {
        var p = Compare.CreateRevision("k", CompareOp.Less, 7).ToProto();
        Assert.Equal(Proto.Compare.Types.CompareTarget.Create, p.Target);
        Assert.Equal(Proto.Compare.Types.CompareResult.Less, p.Result);
        Assert.Equal(Proto.Compare.TargetUnionOneofCase.CreateRevision, p.TargetUnionCase);
        Assert.Equal(7, p.CreateRevision);
    }

    [Fact]
    public void Compare_ModRevision()
    {
        var p = Compare.ModRevision("k", CompareOp.NotEqual, 9).ToProto();
        Assert.Equal(Proto.Compare.Types.CompareTarget.Mod, p.Target);
        Assert.Equal(Proto.Compare.Types.CompareResult.NotEqual, p.Result);
        Assert.Equal(Proto.Compare.TargetUnionOneofCase.ModRevision, p.TargetUnionCase);
        Assert.Equal(9, p.ModRevision);
    }

    [Fact]
    public void Compare_Lease()
    {
        var c = Compare.Lease("k", CompareOp.Equal, 0x7fff_0000_0000_0001);
        Assert.Equal(CompareTarget.Lease, c.Target);
        var p = c.ToProto();
        Assert.Equal(Proto.Compare.Types.CompareTarget.Lease, p.Target);
        Assert.Equal(Proto.Compare.TargetUnionOneofCase.Lease, p.TargetUnionCase);
        Assert.Equal(0x7fff_0000_0000_0001, p.Lease);
    }

    [Theory]
    [InlineData(CompareOp.Equal, "Equal")]
    [InlineData(CompareOp.Greater, "Greater")]
    [InlineData(CompareOp.Less, "Less")]
    [InlineData(CompareOp.NotEqual, "NotEqual")]
    public void Compare_maps_every_op(CompareOp op, string expected)
    {
        Assert.Equal(Enum.Parse<Proto.Compare.Types.CompareResult>(expected), Compare.ModRevision("k", op, 1).ToProto().Result);
    }

    [Fact]
    public void Compare_rejects_undefined_ops()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Compare.Value("k", (CompareOp)4, "v"));
        Assert.Throws<ArgumentOutOfRangeException>(() => Compare.Version("k", (CompareOp)(-1), 1));
    }

    [Fact]
    public void WithPrefix_sets_range_end_and_leaves_the_original_alone()
    {
        var original = Compare.ModRevision("dir/", CompareOp.Less, 10);
        var prefixed = original.WithPrefix();

        Assert.NotSame(original, prefixed);
        var p = prefixed.ToProto();
        Assert.Equal("dir/", Utf8(p.Key));
        Assert.Equal("dir0", Utf8(p.RangeEnd));
        Assert.Equal(10, p.ModRevision);
        Assert.Equal(Proto.Compare.Types.CompareResult.Less, p.Result);
        Assert.Equal(Proto.Compare.Types.CompareTarget.Mod, p.Target);
        Assert.True(original.ToProto().RangeEnd.IsEmpty);
    }

    [Fact]
    public void WithPrefix_of_the_empty_key_covers_every_key()
    {
        var p = Compare.Version("", CompareOp.Greater, 0).WithPrefix().ToProto();
        Assert.Equal(new byte[] { 0 }, p.RangeEnd.ToByteArray());
    }

    [Fact]
    public void WithRange_sets_range_end()
    {
        var c = Compare.Value("a", CompareOp.Equal, "v").WithRange("m");
        var p = c.ToProto();
        Assert.Equal("a", Utf8(p.Key));
        Assert.Equal("m", Utf8(p.RangeEnd));
        Assert.Equal("v", Utf8(p.Value));
        Assert.Equal(CompareTarget.Value, c.Target);
    }
}
