namespace EtcdNet.Testing.Internal;

/// <summary>The ring buffer of one member's log lines. Guarded by the owning <see cref="ClusterLog"/>'s lock.</summary>
internal sealed class MemberLog
{
    private readonly ClusterLog _owner;
    private readonly int _capacity;
    private readonly Queue<(long Sequence, string Text)> _lines;

    internal MemberLog(ClusterLog owner, string name, int capacity)
    {
        _owner = owner;
        _capacity = capacity;
        _lines = new Queue<(long, string)>(Math.Min(capacity, 256));
        Name = name;
    }

    internal string Name { get; }

    /// <summary>Highest sequence number evicted from the buffer (0 when nothing was evicted).</summary>
    internal long DroppedUpTo { get; private set; }

    internal IEnumerable<(long Sequence, string Text)> Lines => _lines;

    /// <summary>The cluster-wide sequence number of the newest line so far (thread-safe).</summary>
    internal long Mark => _owner.Mark;

    /// <summary>Records a line (thread-safe).</summary>
    internal void Add(string line) => _owner.Append(this, line);

    /// <summary>All lines still kept for this member (thread-safe).</summary>
    internal string Recent() => _owner.LinesOf(this, 0);

    /// <summary>The last <paramref name="maxLines"/> lines of this member newer than <paramref name="mark"/> (thread-safe).</summary>
    internal string Since(long mark, int maxLines) => _owner.LinesOf(this, mark, maxLines);

    internal void AddLocked(long sequence, string text)
    {
        while (_lines.Count >= _capacity)
        {
            DroppedUpTo = _lines.Dequeue().Sequence;
        }

        _lines.Enqueue((sequence, text));
    }
}
