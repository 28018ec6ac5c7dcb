namespace EtcdNet.RobustnessTests.Checking;

/// <summary>One response as a watch delivered it.</summary>
/// <param name="HeaderRevision">The header revision.</param>
/// <param name="IsProgress">A progress notification (no events).</param>
/// <param name="Events">The events, as log events.</param>
/// <param name="At">When it was delivered (<see cref="System.Diagnostics.Stopwatch"/> ticks).</param>
public sealed record WatchDelivery(long HeaderRevision, bool IsProgress, IReadOnlyList<LogEvent> Events, long At = 0);

/// <summary>
/// One watch as a client saw it: the prefix and start revision it asked for, every response, and how it ended (the
/// client stopped it, or an error such as compaction with the revision reported).
/// </summary>
public sealed class WatchRecord(int client, string prefix, long startRevision)
{
    private readonly List<WatchDelivery> _deliveries = [];

    public int Client => client;

    public string Prefix => prefix;

    public long StartRevision => startRevision;

    public IReadOnlyList<WatchDelivery> Deliveries => _deliveries;

    /// <summary>When the watch was started (<see cref="System.Diagnostics.Stopwatch"/> ticks).</summary>
    public long StartedAt { get; } = System.Diagnostics.Stopwatch.GetTimestamp();

    /// <summary>The error that ended the watch, or null when the client stopped it.</summary>
    public Exception? Error { get; set; }

    public void Add(WatchResponse response) => _deliveries.Add(new WatchDelivery(
        response.Header.Revision,
        response.IsProgressNotify,
        response.Events.Select(e => new LogEvent(e.Kv.ModRevision, e.Kv.KeyString, e.Type == WatchEventType.Delete ? null : KeyState.From(e.Kv))).ToList(),
        System.Diagnostics.Stopwatch.GetTimestamp()));

    public void Add(WatchDelivery delivery) => _deliveries.Add(delivery);

    public override string ToString() => $"client {client} watch {prefix} from {startRevision}";
}
