namespace EtcdNet.RobustnessTests.Checking;

/// <summary>
/// etcd's revision history of the run's keys, read back after the run (and before each compaction): every put and
/// delete with its revision, in order. The ground truth that unknown outcomes, serializable reads and watches are
/// checked against.
/// </summary>
public sealed class RevisionLog
{
    private readonly List<LogEvent> _events = [];
    private readonly Dictionary<(long Revision, string Key), int> _positions = [];
    private readonly Dictionary<string, List<LogEvent>> _byKey = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Key, string Value), LogEvent> _puts = [];

    public IReadOnlyList<LogEvent> Events => _events;

    /// <summary>The highest revision whose events are all in the log.</summary>
    public long CompleteThrough { get; private set; }

    /// <summary>Appends events (in revision order, after those already here) and raises <see cref="CompleteThrough"/>.</summary>
    public void Append(IEnumerable<LogEvent> events, long completeThrough)
    {
        foreach (var e in events)
        {
            if (e.Revision <= CompleteThrough || _positions.ContainsKey((e.Revision, e.Key)))
            {
                continue; // already read
            }

            if (_events.Count > 0 && e.Revision < _events[^1].Revision)
            {
                throw new InvalidOperationException($"log event {e} arrived after revision {_events[^1].Revision}");
            }

            _positions[(e.Revision, e.Key)] = _events.Count;
            _events.Add(e);
            if (!_byKey.TryGetValue(e.Key, out var list))
            {
                _byKey[e.Key] = list = [];
            }

            list.Add(e);
            if (e.After is { } after)
            {
                _puts.TryAdd((e.Key, after.Value), e);
            }
        }

        CompleteThrough = Math.Max(CompleteThrough, completeThrough);
    }

    /// <summary>The position of the first event at <paramref name="revision"/> or later (<see cref="Events"/>.Count when none).</summary>
    public int FirstPositionFrom(long revision)
    {
        var (low, high) = (0, _events.Count);
        while (low < high)
        {
            var middle = (low + high) / 2;
            (low, high) = _events[middle].Revision < revision ? (middle + 1, high) : (low, middle);
        }

        return low;
    }

    /// <summary>The position of the event of <paramref name="key"/> at <paramref name="revision"/>, or -1.</summary>
    public int PositionOf(long revision, string key) => _positions.TryGetValue((revision, key), out var p) ? p : -1;

    /// <summary>The put that wrote <paramref name="value"/> to <paramref name="key"/> (values are unique), or null.</summary>
    public LogEvent? FindPut(string key, string value) => _puts.GetValueOrDefault((key, value));

    /// <summary>Every event of <paramref name="key"/>, in order.</summary>
    public IReadOnlyList<LogEvent> EventsOf(string key) => _byKey.TryGetValue(key, out var list) ? list : [];

    /// <summary>The key's state once every event up to <paramref name="revision"/> applied (null: absent).</summary>
    public KeyState? StateAt(string key, long revision)
    {
        KeyState? state = null;
        foreach (var e in EventsOf(key))
        {
            if (e.Revision > revision)
            {
                break;
            }

            state = e.After;
        }

        return state;
    }

    /// <summary>Every key's state after the whole log (absent keys left out).</summary>
    public IReadOnlyDictionary<string, KeyState> FinalState() =>
        _byKey.Where(p => p.Value[^1].After is not null).ToDictionary(p => p.Key, p => p.Value[^1].After!, StringComparer.Ordinal);

    /// <summary>
    /// Writes a marker key under <paramref name="prefix"/>, then reads the history of every key under the prefix from
    /// <paramref name="from"/> through the marker's revision with a watch (events only: etcd 3.4's progress replies
    /// may run ahead of events still queued). Returns the marker's revision, through which the log is then complete.
    /// </summary>
    public async Task<long> ReadThroughMarkerAsync(EtcdClient client, string prefix, long from, CancellationToken cancellationToken)
    {
        var through = (await client.PutAsync(prefix + "~marker", "m", cancellationToken: cancellationToken)).Header.Revision;
        var events = new List<LogEvent>();
        using var done = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        await foreach (var response in client.WatchAsync(prefix, new WatchOptions { Prefix = true, StartRevision = from }, done.Token))
        {
            events.AddRange(response.Events.Select(e => new LogEvent(
                e.Kv.ModRevision,
                e.Kv.KeyString,
                e.Type == WatchEventType.Delete ? null : KeyState.From(e.Kv))));
            if (response.Events.Count > 0 && response.Events[^1].Kv.ModRevision >= through)
            {
                break; // a revision's events all come in one response
            }
        }

        Append(events, through);
        return through;
    }
}
