using Google.Protobuf;
using Proto = EtcdNet.Protocol.Rpc;

namespace EtcdNet.UnitTests;

public class OpGetTests
{
    private static string Utf8(ByteString bytes) => bytes.ToStringUtf8();

    [Fact]
    public void Get_with_defaults_reads_one_key()
    {
        var op = Op.Get("k");
        Assert.Equal(OpKind.Get, op.Kind);
        Assert.Equal(Proto.RequestOp.RequestOneofCase.RequestRange, op.Request.RequestCase);
        Assert.Equal(new Proto.RangeRequest { Key = ByteString.CopyFromUtf8("k") }, op.Request.RequestRange);
    }

    [Fact]
    public void Get_maps_every_option()
    {
        var options = new GetOptions
        {
            RangeEnd = "z",
            Revision = 5,
            Limit = 10,
            SortTarget = SortTarget.ModRevision,
            SortOrder = SortOrder.Descend,
            Serializable = true,
            KeysOnly = true,
            CountOnly = true,
            MinModRevision = 1,
            MaxModRevision = 2,
            MinCreateRevision = 3,
            MaxCreateRevision = 4,
        };

        var r = Op.Get("a", options).Request.RequestRange;

        Assert.Equal("a", Utf8(r.Key));
        Assert.Equal("z", Utf8(r.RangeEnd));
        Assert.Equal(5, r.Revision);
        Assert.Equal(10, r.Limit);
        Assert.Equal(Proto.RangeRequest.Types.SortTarget.Mod, r.SortTarget);
        Assert.Equal(Proto.RangeRequest.Types.SortOrder.Descend, r.SortOrder);
        Assert.True(r.Serializable);
        Assert.True(r.KeysOnly);
        Assert.True(r.CountOnly);
        Assert.Equal(1, r.MinModRevision);
        Assert.Equal(2, r.MaxModRevision);
        Assert.Equal(3, r.MinCreateRevision);
        Assert.Equal(4, r.MaxCreateRevision);
    }

    [Fact]
    public void Get_with_prefix_and_from_key()
    {
        var prefix = Op.Get("dir/", new GetOptions { Prefix = true }).Request.RequestRange;
        Assert.Equal("dir/", Utf8(prefix.Key));
        Assert.Equal("dir0", Utf8(prefix.RangeEnd));

        var fromKey = Op.Get("m", new GetOptions { FromKey = true }).Request.RequestRange;
        Assert.Equal("m", Utf8(fromKey.Key));
        Assert.Equal(new byte[] { 0 }, fromKey.RangeEnd.ToByteArray());

        var all = Op.Get("", new GetOptions { Prefix = true }).Request.RequestRange;
        Assert.Equal(new byte[] { 0 }, all.Key.ToByteArray());
        Assert.Equal(new byte[] { 0 }, all.RangeEnd.ToByteArray());
    }

    [Theory]
    [InlineData(SortTarget.Key, "Key")]
    [InlineData(SortTarget.Version, "Version")]
    [InlineData(SortTarget.CreateRevision, "Create")]
    [InlineData(SortTarget.ModRevision, "Mod")]
    [InlineData(SortTarget.Value, "Value")]
    public void Get_maps_every_sort_target(SortTarget target, string expected)
    {
        var r = Op.Get("k", new GetOptions { SortTarget = target, SortOrder = SortOrder.Ascend }).Request.RequestRange;
        Assert.Equal(Enum.Parse<Proto.RangeRequest.Types.SortTarget>(expected), r.SortTarget);
    }

    [Theory]
    [InlineData(SortOrder.None, "None")]
    [InlineData(SortOrder.Ascend, "Ascend")]
    [InlineData(SortOrder.Descend, "Descend")]
    public void Get_maps_every_sort_order(SortOrder order, string expected)
    {
        var r = Op.Get("k", new GetOptions { SortOrder = order }).Request.RequestRange;
        Assert.Equal(Enum.Parse<Proto.RangeRequest.Types.SortOrder>(expected), r.SortOrder);
    }

    public static TheoryData<string, SortTarget, SortOrder> Presets => new()
    {
        { nameof(GetOptions.FirstKey), SortTarget.Key, SortOrder.Ascend },
        { nameof(GetOptions.LastKey), SortTarget.Key, SortOrder.Descend },
        { nameof(GetOptions.FirstCreate), SortTarget.CreateRevision, SortOrder.Ascend },
        { nameof(GetOptions.LastCreate), SortTarget.CreateRevision, SortOrder.Descend },
        { nameof(GetOptions.FirstRev), SortTarget.ModRevision, SortOrder.Ascend },
        { nameof(GetOptions.LastRev), SortTarget.ModRevision, SortOrder.Descend },
    };

    private static GetOptions Preset(string name) => name switch
    {
        nameof(GetOptions.FirstKey) => GetOptions.FirstKey,
        nameof(GetOptions.LastKey) => GetOptions.LastKey,
        nameof(GetOptions.FirstCreate) => GetOptions.FirstCreate,
        nameof(GetOptions.LastCreate) => GetOptions.LastCreate,
        nameof(GetOptions.FirstRev) => GetOptions.FirstRev,
        nameof(GetOptions.LastRev) => GetOptions.LastRev,
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [MemberData(nameof(Presets))]
    public void Presets_are_prefix_sort_and_limit_one(string name, SortTarget target, SortOrder order)
    {
        var preset = Preset(name);
        Assert.Equal(new GetOptions { Prefix = true, SortTarget = target, SortOrder = order, Limit = 1 }, preset);

        var r = Op.Get("lock/", preset).Request.RequestRange;
        Assert.Equal("lock/", Utf8(r.Key));
        Assert.Equal("lock0", Utf8(r.RangeEnd));
        Assert.Equal(1, r.Limit);
        Assert.Equal((int)target, (int)r.SortTarget);
        Assert.Equal((int)order, (int)r.SortOrder);
        Assert.Equal(0, r.Revision);
        Assert.False(r.Serializable);
        Assert.False(r.KeysOnly);
        Assert.False(r.CountOnly);
    }

    [Fact]
    public void Presets_are_distinct()
    {
        var presets = new[] { GetOptions.FirstKey, GetOptions.LastKey, GetOptions.FirstCreate, GetOptions.LastCreate, GetOptions.FirstRev, GetOptions.LastRev };
        Assert.Equal(6, presets.Distinct().Count());
    }

    [Theory]
    [InlineData(nameof(GetOptions.Revision))]
    [InlineData(nameof(GetOptions.Limit))]
    [InlineData(nameof(GetOptions.MinModRevision))]
    [InlineData(nameof(GetOptions.MaxModRevision))]
    [InlineData(nameof(GetOptions.MinCreateRevision))]
    [InlineData(nameof(GetOptions.MaxCreateRevision))]
    public void Get_rejects_negative_numbers(string field)
    {
        var options = field switch
        {
            nameof(GetOptions.Revision) => new GetOptions { Revision = -1 },
            nameof(GetOptions.Limit) => new GetOptions { Limit = -1 },
            nameof(GetOptions.MinModRevision) => new GetOptions { MinModRevision = -1 },
            nameof(GetOptions.MaxModRevision) => new GetOptions { MaxModRevision = -1 },
            nameof(GetOptions.MinCreateRevision) => new GetOptions { MinCreateRevision = -1 },
            _ => new GetOptions { MaxCreateRevision = long.MinValue },
        };

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Op.Get("k", options));
        Assert.Equal(field, e.ParamName);
    }

    [Fact]
    public void Get_rejects_undefined_enum_values()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Op.Get("k", new GetOptions { SortTarget = (SortTarget)5 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => Op.Get("k", new GetOptions { SortTarget = (SortTarget)(-1) }));
        Assert.Throws<ArgumentOutOfRangeException>(() => Op.Get("k", new GetOptions { SortOrder = (SortOrder)3 }));
    }

    [Fact]
    public void Get_rejects_two_range_options()
    {
        var e = Assert.Throws<ArgumentException>(() => Op.Get("k", new GetOptions { Prefix = true, FromKey = true }));
        Assert.Equal("options", e.ParamName);
        Assert.Throws<ArgumentException>(() => Op.Get("k", new GetOptions { Prefix = true, RangeEnd = "z" }));
    }
}
