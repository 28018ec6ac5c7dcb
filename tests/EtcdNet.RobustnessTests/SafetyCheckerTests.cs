using System.Diagnostics;
using EtcdNet.RobustnessTests.Checking;

namespace EtcdNet.RobustnessTests;

/// <summary>The serializable-read, lock-fencing and lease checkers on hand-made histories.</summary>
public sealed class SafetyCheckerTests
{
    [Fact]
    public void ASerializableRead_MustBeTheKeysStateAtItsRevision()
    {
        var log = new RevisionLog();
        log.Append([new LogEvent(2, "k", new KeyState("a", 1, 2, 2)), new LogEvent(4, "k", new KeyState("b", 2, 2, 4))], 5);
        var stale = new SerializableRead(0, "k", 3, new KeyState("a", 1, 2, 2), 1);   // stale but true at revision 3
        var invented = new SerializableRead(0, "k", 3, new KeyState("b", 2, 2, 4), 2); // b did not exist at 3
        Assert.Empty(SerializableReadChecker.Check([stale], log).Anomalies);
        Assert.Single(SerializableReadChecker.Check([stale, invented], log).Anomalies);
        var (_, wentBack) = SerializableReadChecker.Check([new SerializableRead(0, "k", 4, new KeyState("b", 2, 2, 4), 1), stale with { At = 2 }], log);
        Assert.Equal(1, wentBack);
    }

    [Fact]
    public void FencedWritesOfTwoHoldersInterleaving_AreCaught()
    {
        var log = new RevisionLog();
        log.Append(
        [
            Fence(2, 10, 0, 0),
            Fence(3, 10, 0, 1),
            Fence(4, 12, 1, 2),
            Fence(5, 10, 0, 3), // the holder of revision 10 wrote after the holder of 12 took over
        ], 5);
        var (anomalies, writes, holders) = FenceChecker.Check(log, "fence");
        Assert.Equal(4, writes);
        Assert.Equal(2, holders);
        Assert.Contains("overlapped", Assert.Single(anomalies), StringComparison.Ordinal);

        var ordered = new RevisionLog();
        ordered.Append([Fence(2, 10, 0, 0), Fence(3, 12, 1, 1), Fence(4, 12, 1, 2)], 4);
        Assert.Empty(FenceChecker.Check(ordered, "fence").Anomalies);

        static LogEvent Fence(long revision, long lockRevision, int client, int sequence) =>
            new(revision, "fence", new KeyState(FenceChecker.Value(lockRevision, client, sequence), 1, 2, revision));
    }

    [Fact]
    public void ALeaseThatExpiredWithoutTheClientSayingSo_IsCaught()
    {
        var log = new RevisionLog();
        log.Append([new LogEvent(2, "lease/a", new KeyState("held", 1, 2, 2)), new LogEvent(5, "lease/a", null)], 6);
        var second = Stopwatch.Frequency;
        // A read at revision 5 returned at t = 10 s: the key was gone by then.
        var operations = new[] { new HistoryOperation(0, 0, new GetInput("x"), 9 * second, 10 * second, Outcome.Ok, new KvOutput(5, Reads: [null])) };
        var expiredBeforeTheRevoke = new LeaseRecord(0, 1, "lease/a", false, null, "etcdserver: requested lease not found", RevokeCall: 12 * second);
        Assert.Contains("never said", Assert.Single(LeaseChecker.Check([expiredBeforeTheRevoke], log, operations)), StringComparison.Ordinal);

        // Revoked within MaxLostDelay of the expiry: before the client was due to say so.
        Assert.Empty(LeaseChecker.Check([expiredBeforeTheRevoke with { RevokeCall = (long)(10.8 * second) }], log, operations));

        // A revoke sent before the key was known to be gone may have been applied and then retried: no evidence of a loss.
        Assert.Empty(LeaseChecker.Check([expiredBeforeTheRevoke with { RevokeCall = 9 * second }], log, operations));
        Assert.Empty(LeaseChecker.Check([new LeaseRecord(0, 1, "lease/a", false, 5, null)], log, operations)); // deleted by the revoke itself
    }

    [Fact]
    public void ALostSignalLaterThanASecondAfterTheExpiry_IsCaught()
    {
        var log = new RevisionLog();
        log.Append([new LogEvent(2, "lease/a", new KeyState("held", 1, 2, 2)), new LogEvent(5, "lease/a", null)], 6);
        var second = Stopwatch.Frequency;
        // A read at revision 6 returned at t = 10 s: the expiry (revision 5) happened by then.
        var operations = new[] { new HistoryOperation(0, 0, new GetInput("x"), 9 * second, 10 * second, Outcome.Ok, new KvOutput(6, Reads: [null])) };
        Assert.Empty(LeaseChecker.Check([new LeaseRecord(0, 1, "lease/a", true, null, "not found", LostAt: (long)(10.5 * second), RevokeCall: 13 * second)], log, operations));
        Assert.Contains("later", Assert.Single(LeaseChecker.Check([new LeaseRecord(0, 1, "lease/a", true, null, "not found", LostAt: 12 * second, RevokeCall: 13 * second)], log, operations)), StringComparison.Ordinal);
    }
}
