using EtcdNet.RobustnessTests.Checking;

namespace EtcdNet.RobustnessTests;

/// <summary>The linearizability checker on hand-made histories: it must accept what etcd may do and catch what it may not.</summary>
public sealed class LinearizabilityCheckerTests
{
    private int _id;

    [Fact]
    public void ASequentialHistory_IsLinearizable()
    {
        var history = new[]
        {
            Op(0, 1, new PutInput("k", "a"), new KvOutput(2)),
            Op(2, 3, new GetInput("k"), Read(2, Kv("a", 1, 2, 2))),
            Op(4, 5, new PutInput("k", "b"), new KvOutput(3)),
            Op(6, 7, new GetInput("k"), Read(3, Kv("b", 2, 2, 3))),
            Op(8, 9, new DeleteInput("k"), new KvOutput(4)),
            Op(10, 11, new GetInput("k"), Read(4, null)),
        };
        AssertLinearizable(history);
    }

    [Fact]
    public void AReadAfterANewerWriteReturned_ThatSeesTheOldValue_IsCaught()
    {
        var history = new[]
        {
            Op(0, 1, new PutInput("k", "a"), new KvOutput(2)),
            Op(2, 3, new PutInput("k", "b"), new KvOutput(3)),
            Op(4, 5, new GetInput("k"), Read(2, Kv("a", 1, 2, 2))), // a stale read reported as linearizable
        };
        AssertNotLinearizable(history);
    }

    [Fact]
    public void AReadConcurrentWithAWrite_MaySeeEitherValue()
    {
        AssertLinearizable(
        [
            Op(0, 1, new PutInput("k", "a"), new KvOutput(2)),
            Op(2, 9, new PutInput("k", "b"), new KvOutput(3)),
            Op(3, 4, new GetInput("k"), Read(2, Kv("a", 1, 2, 2))),
            Op(5, 6, new GetInput("k"), Read(3, Kv("b", 2, 2, 3))),
        ]);
    }

    [Fact]
    public void AValueReadBackAfterItWasSeenNew_IsCaught()
    {
        AssertNotLinearizable(
        [
            Op(0, 1, new PutInput("k", "a"), new KvOutput(2)),
            Op(2, 9, new PutInput("k", "b"), new KvOutput(3)),
            Op(3, 4, new GetInput("k"), Read(3, Kv("b", 2, 2, 3))),
            Op(5, 6, new GetInput("k"), Read(2, Kv("a", 1, 2, 2))), // went back in time
        ]);
    }

    [Fact]
    public void AnAcknowledgedWriteThatIsLost_IsCaught()
    {
        AssertNotLinearizable(
        [
            Op(0, 1, new PutInput("k", "a"), new KvOutput(2)),
            Op(2, 3, new GetInput("k"), Read(5, null)),
        ]);
    }

    [Fact]
    public void TwoCompareAndSwapsOnTheSameRevision_BothSucceeding_AreCaught()
    {
        AssertNotLinearizable(
        [
            Op(0, 1, new PutInput("k", "a"), new KvOutput(2)),
            Op(2, 5, new CasInput("k", 2, "b"), new KvOutput(3)),
            Op(3, 6, new CasInput("k", 2, "c"), new KvOutput(4)), // a write applied twice would look like this
        ]);
    }

    [Fact]
    public void AFailedCompare_MustReadTheStateThatMadeItFail()
    {
        AssertLinearizable(
        [
            Op(0, 1, new PutInput("k", "a"), new KvOutput(2)),
            Op(2, 3, new CasInput("k", 7, "b"), new KvOutput(2, Succeeded: false, Reads: [Kv("a", 1, 2, 2)])),
        ]);
        AssertNotLinearizable(
        [
            Op(0, 1, new PutInput("k", "a"), new KvOutput(2)),
            Op(2, 3, new CasInput("k", 2, "b"), new KvOutput(2, Succeeded: false, Reads: [Kv("a", 1, 2, 2)])),
        ]);
    }

    [Fact]
    public void ATransfer_JoinsItsKeysInOnePartition_AndIsCheckedAtomically()
    {
        var history = new[]
        {
            Op(0, 1, new PutInput("a", "a0"), new KvOutput(2)),
            Op(2, 3, new PutInput("b", "b0"), new KvOutput(3)),
            Op(4, 5, new TransferInput("a", "a0", "b", "b0", "a1", "b1"), new KvOutput(4)),
            Op(6, 7, new GetInput("a"), Read(4, Kv("a1", 2, 2, 4))),
            Op(8, 9, new GetInput("b"), Read(4, Kv("b0", 1, 3, 3))), // half of the txn missing
        };
        var results = LinearizabilityChecker.Check(history);
        Assert.Equal(["a", "b"], Assert.Single(results).Keys);
        Assert.False(results[0].Linearizable);
    }

    [Fact]
    public void KeysNoOperationSpans_AreCheckedApart()
    {
        var results = LinearizabilityChecker.Check(
        [
            Op(0, 1, new PutInput("x", "1"), new KvOutput(2)),
            Op(2, 3, new PutInput("y", "1"), new KvOutput(3)),
        ]);
        Assert.Equal(2, results.Count);
        Assert.All(results, r => Assert.True(r.Linearizable));
    }

    [Fact]
    public void AWriteOfUnknownOutcome_ThatTheLogShowsApplied_MayTakeEffectLate()
    {
        var log = new RevisionLog();
        log.Append([new LogEvent(2, "k", Kv("a", 1, 2, 2)), new LogEvent(3, "k", Kv("b", 2, 2, 3))], 3);
        var history = new[]
        {
            Op(0, 1, new PutInput("k", "a"), new KvOutput(2)),
            Op(2, 3, new PutInput("k", "b"), null, Outcome.Unknown),
            Op(4, 5, new GetInput("k"), Read(2, Kv("a", 1, 2, 2))),
            Op(6, 7, new GetInput("k"), Read(3, Kv("b", 2, 2, 3))), // applied after the client gave up
        };
        var (resolved, anomalies) = UnknownOutcomes.Resolve(history, log);
        Assert.Empty(anomalies);
        AssertLinearizable(resolved);
    }

    [Fact]
    public void AWriteOfUnknownOutcome_ThatTheLogDoesNotShow_IsLeftOut_SoReadingItsValueIsCaught()
    {
        var log = new RevisionLog();
        log.Append([new LogEvent(2, "k", Kv("a", 1, 2, 2))], 2);
        var history = new[]
        {
            Op(0, 1, new PutInput("k", "a"), new KvOutput(2)),
            Op(2, 3, new PutInput("k", "b"), null, Outcome.Unknown),
            Op(4, 5, new GetInput("k"), Read(3, Kv("b", 2, 2, 3))),
        };
        var (resolved, _) = UnknownOutcomes.Resolve(history, log);
        Assert.Equal(2, resolved.Count);
        AssertNotLinearizable(resolved);
    }

    [Fact]
    public void AWriteReportedFailedForCertain_ThatWasApplied_IsAnAnomaly()
    {
        var log = new RevisionLog();
        log.Append([new LogEvent(2, "k", Kv("a", 1, 2, 2))], 2);
        var (_, anomalies) = UnknownOutcomes.Resolve([Op(0, 1, new PutInput("k", "a"), null, Outcome.Failed)], log);
        Assert.Contains("failed for certain was applied", Assert.Single(anomalies), StringComparison.Ordinal);
    }

    [Fact]
    public void ALongConcurrentHistory_IsCheckedQuickly()
    {
        // 8 writers and readers overlapping heavily on one key: the revisions keep the search linear.
        var history = new List<HistoryOperation>();
        KeyState? current = null;
        for (var i = 0; i < 2000; i++)
        {
            var revision = i + 2;
            current = new KeyState($"v{i}", (current?.Version ?? 0) + 1, current?.CreateRevision ?? revision, revision);
            history.Add(Op(i * 10, (i * 10) + 45, new PutInput("k", $"v{i}"), new KvOutput(revision)));
            history.Add(Op((i * 10) + 1, (i * 10) + 44, new GetInput("k"), Read(revision, current)));
        }

        AssertLinearizable(history);
    }

    private HistoryOperation Op(long call, long ret, KvInput input, KvOutput? output, Outcome outcome = Outcome.Ok) =>
        new(_id++, 0, input, call, ret, outcome, output);

    private static KvOutput Read(long revision, KeyState? value) => new(revision, Reads: [value]);

    private static KeyState Kv(string value, long version, long create, long mod) => new(value, version, create, mod);

    private static void AssertLinearizable(IReadOnlyList<HistoryOperation> history)
    {
        var results = LinearizabilityChecker.Check(history);
        Assert.All(results, r => Assert.True(r.Linearizable, r.ToString()));
    }

    private static void AssertNotLinearizable(IReadOnlyList<HistoryOperation> history)
    {
        var results = LinearizabilityChecker.Check(history);
        Assert.Contains(results, r => !r.Linearizable && !r.Inconclusive);
    }
}
