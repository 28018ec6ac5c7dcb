using EtcdNet.RobustnessTests.Checking;

namespace EtcdNet.RobustnessTests;

/// <summary>The watch checker on hand-made deliveries against a hand-made revision history.</summary>
public sealed class WatchCheckerTests
{
    private static readonly RevisionLog Log = BuildLog();

    [Fact]
    public void AFaithfulWatch_HasNoAnomaly()
    {
        var watch = Watch(2, Events(2), Events(3), Progress(4), Events(5));
        Assert.Empty(WatchChecker.Check(watch, Log, []));
    }

    [Fact]
    public void AMissingEvent_IsCaught() =>
        AssertCaught(Watch(2, Events(2), Events(5)), "events missing");

    [Fact]
    public void AMissingEventBeforeAProgressNotification_IsCaught() =>
        AssertCaught(Watch(2, Events(2), Progress(4)), "events missing");

    [Fact]
    public void AnEventTwice_IsCaught() =>
        AssertCaught(Watch(2, Events(2), Events(2), Events(3), Progress(4), Events(5)), "twice");

    [Fact]
    public void EventsOutOfOrder_AreCaught() =>
        AssertCaught(Watch(2, Events(3), Events(2), Progress(4), Events(5)), "out of order");

    [Fact]
    public void ARevisionSplitOverResponses_IsCaught() =>
        AssertCaught(Watch(2, Events(2), new WatchDelivery(3, false, [Log.Events[1]]), new WatchDelivery(3, false, [Log.Events[2]]), Progress(4), Events(5)), "split");

    [Fact]
    public void AnEventOlderThanAProgressNotification_IsCaught() =>
        AssertCaught(Watch(2, Events(2), Progress(4), Events(3), Events(5)), "after a progress notification");

    [Fact]
    public void ProgressGoingBack_IsCaught() =>
        AssertCaught(Watch(2, Events(2), Events(3), Progress(4), Progress(3), Events(5)), "went back");

    [Fact]
    public void AnEventTheHistoryDoesNotHave_IsCaught() =>
        AssertCaught(Watch(2, new WatchDelivery(2, false, [new LogEvent(2, "r/x", new KeyState("forged", 1, 2, 2))])), "not in the history");

    [Fact]
    public void AnEventThatDiffersFromTheHistory_IsCaught() =>
        AssertCaught(Watch(2, new WatchDelivery(2, false, [new LogEvent(2, "r/a", new KeyState("other", 1, 2, 2))])), "differs");

    [Fact]
    public void ACompactedStart_MustNameTheCompaction()
    {
        var watch = Watch(1);
        watch.Error = new EtcdCompactedException("compacted", 4);
        Assert.Empty(WatchChecker.Check(watch, Log, [4]));
        AssertCaught(watch, "which no compaction made", compactions: [3]);
    }

    [Fact]
    public void AWatchEndedByAnotherError_IsCaught()
    {
        var watch = Watch(2, Events(2));
        watch.Error = new EtcdNoLeaderException("no leader");
        AssertCaught(watch, "ended with");
    }

    private static void AssertCaught(WatchRecord watch, string expected, IReadOnlyCollection<long>? compactions = null)
    {
        var anomalies = WatchChecker.Check(watch, Log, compactions ?? []);
        Assert.Contains(anomalies, a => a.Contains(expected, StringComparison.Ordinal));
    }

    private static RevisionLog BuildLog()
    {
        var log = new RevisionLog();
        log.Append(
        [
            new LogEvent(2, "r/a", new KeyState("1", 1, 2, 2)),
            new LogEvent(3, "r/a", new KeyState("2", 2, 2, 3)),
            new LogEvent(3, "r/b", new KeyState("1", 1, 3, 3)),
            new LogEvent(4, "other/x", new KeyState("1", 1, 4, 4)),
            new LogEvent(5, "r/a", null),
        ], 5);
        return log;
    }

    private static WatchRecord Watch(long start, params WatchDelivery[] deliveries)
    {
        var watch = new WatchRecord(0, "r/", start);
        foreach (var delivery in deliveries)
        {
            watch.Add(delivery);
        }

        return watch;
    }

    /// <summary>The history's events of <paramref name="revision"/> under r/, in one response.</summary>
    private static WatchDelivery Events(long revision) =>
        new(revision, false, Log.Events.Where(e => e.Revision == revision && e.Key.StartsWith("r/", StringComparison.Ordinal)).ToList());

    private static WatchDelivery Progress(long revision) => new(revision, true, []);
}
