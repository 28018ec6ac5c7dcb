using Google.Protobuf;
using Proto = EtcdNet.Protocol.Rpc;

namespace EtcdNet.UnitTests;

public class OpAndCompareTests
{
    private static string Utf8(ByteString bytes) => bytes.ToStringUtf8();

    // ---- Op.Get ----

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

    // ---- Op.Put / Op.Delete ----

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

    // ---- Op.Txn ----

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

    // ---- Compare ----

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

    // ---- Txn builder ----

    private static (Txn Txn, Func<Proto.TxnRequest?> Sent) NewTxn()
    {
        Proto.TxnRequest? sent = null;
        var txn = new Txn((request, _) =>
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
