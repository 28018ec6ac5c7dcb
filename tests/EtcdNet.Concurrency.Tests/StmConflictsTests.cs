namespace EtcdNet.Concurrency.Tests;

/// <summary>The commit conditions per isolation level, checked without a server.</summary>
public class StmConflictsTests
{
    private static readonly KeyValuePair<string, StmRead>[] Reads =
    [
        new("a", new StmRead(HeaderRevision: 12, ModRevision: 7, Value: "1")),
        new("b", new StmRead(HeaderRevision: 10, ModRevision: 9, Value: "2")),
        new("missing", new StmRead(HeaderRevision: 11, ModRevision: 0, Value: null)),
    ];

    private static readonly string[] Writes = ["a", "w"];

    private static readonly StmCondition[] ReadChecks =
    [
        new("a", CompareOp.Equal, 7),
        new("b", CompareOp.Equal, 9),
        new("missing", CompareOp.Equal, 0),
    ];

    [Fact]
    public void SerializableSnapshot_checks_reads_and_that_writes_are_older_than_the_earliest_read()
    {
        var conditions = StmConflicts.For(StmIsolation.SerializableSnapshot, Reads, Writes);

        StmCondition[] expected = [.. ReadChecks, new("a", CompareOp.Less, 11), new("w", CompareOp.Less, 11)];
        Assert.Equal(expected, conditions);
    }

    [Fact]
    public void SerializableSnapshot_without_reads_never_blocks_writes()
    {
        var conditions = StmConflicts.For(StmIsolation.SerializableSnapshot, [], Writes);

        Assert.Equal([new("a", CompareOp.Less, long.MaxValue), new StmCondition("w", CompareOp.Less, long.MaxValue)], conditions);
    }

    [Theory]
    [InlineData(StmIsolation.Serializable)]
    [InlineData(StmIsolation.RepeatableReads)]
    public void Serializable_and_RepeatableReads_check_only_the_read_keys(StmIsolation isolation)
        => Assert.Equal(ReadChecks, StmConflicts.For(isolation, Reads, Writes));

    [Fact]
    public void ReadCommitted_has_no_conditions()
        => Assert.Empty(StmConflicts.For(StmIsolation.ReadCommitted, Reads, Writes));

    [Fact]
    public void Only_the_snapshot_levels_read_from_one_snapshot()
    {
        Assert.True(StmConflicts.UsesSnapshot(StmIsolation.SerializableSnapshot));
        Assert.True(StmConflicts.UsesSnapshot(StmIsolation.Serializable));
        Assert.False(StmConflicts.UsesSnapshot(StmIsolation.RepeatableReads));
        Assert.False(StmConflicts.UsesSnapshot(StmIsolation.ReadCommitted));
    }

    [Fact]
    public void Conditions_become_mod_revision_compares()
    {
        var compare = new StmCondition("a", CompareOp.Less, 5).ToCompare();

        Assert.Equal(CompareTarget.ModRevision, compare.Target);
        Assert.Equal(CompareOp.Less, compare.Op);
    }

    [Fact]
    public void Writes_become_puts_or_deletes()
    {
        Assert.Equal(OpKind.Put, new StmWrite("v", 0).ToOp("k").Kind);
        Assert.Equal(OpKind.Put, new StmWrite("v", 42).ToOp("k").Kind);
        Assert.Equal(OpKind.Delete, new StmWrite(null, 0).ToOp("k").Kind);
    }

    [Fact]
    public void Options_default_to_100_attempts_and_no_prefetch()
    {
        Assert.Equal(100, StmOptions.Default.MaxAttempts);
        Assert.Empty(StmOptions.Default.Prefetch);
    }
}
