using System.Text;

namespace EtcdNet.Testing.Internal;

/// <summary>
/// The log of a whole cluster: one ring buffer per member, a cluster-wide sequence number per line
/// (so lines of different members can be merged in arrival order) and the user's log callback.
/// One lock guards the buffers; the callback is called under a second lock, so calls never overlap.
/// </summary>
internal sealed class ClusterLog
{
    private readonly object _gate = new();
    private readonly object _callbackGate = new();
    private readonly List<MemberLog> _members = [];
    private readonly Action<string>? _callback;
    private readonly int _linesKept;
    private long _sequence;
    private bool _callbackFailed;

    internal ClusterLog(Action<string>? callback, int linesKept)
    {
        _callback = callback;
        _linesKept = linesKept;
    }

    /// <summary>Sequence number of the newest line so far.</summary>
    internal long Mark
    {
        get
        {
            lock (_gate)
            {
                return _sequence;
            }
        }
    }

    internal MemberLog CreateMemberLog(string memberName)
    {
        lock (_gate)
        {
            var log = new MemberLog(this, memberName, _linesKept);
            _members.Add(log);
            return log;
        }
    }

    internal void Append(MemberLog member, string line)
    {
        var text = $"[{member.Name}] {line}";
        lock (_gate)
        {
            member.AddLocked(++_sequence, text);
        }

        if (_callback is null)
        {
            return;
        }

        // A separate lock: a slow or blocking callback must not block readers of the buffers.
        lock (_callbackGate)
        {
            if (_callbackFailed)
            {
                return;
            }

            try
            {
                _callback(text);
            }
#pragma warning disable CA1031 // A failing test-output sink must never crash the process that reads etcd's output.
            catch (Exception)
#pragma warning restore CA1031
            {
                // Typical cause: xunit's ITestOutputHelper used after its test finished. Stop calling it.
                _callbackFailed = true;
            }
        }
    }

    /// <summary>Lines of all members with a sequence number greater than <paramref name="mark"/>, in arrival order.</summary>
    internal string LinesSince(long mark)
    {
        lock (_gate)
        {
            return Format(_members, mark);
        }
    }

    /// <summary>The last <paramref name="maxLines"/> lines of one member newer than <paramref name="mark"/>.</summary>
    internal string LinesOf(MemberLog member, long mark, int maxLines = int.MaxValue)
    {
        lock (_gate)
        {
            return Format([member], mark, maxLines);
        }
    }

    private static string Format(IEnumerable<MemberLog> members, long mark, int maxLines = int.MaxValue)
    {
        var lines = new List<(long Sequence, string Text)>();
        var dropped = false;
        foreach (var member in members)
        {
            dropped |= member.DroppedUpTo > mark;
            lines.AddRange(member.Lines.Where(l => l.Sequence > mark));
        }

        lines.Sort((a, b) => a.Sequence.CompareTo(b.Sequence));
        if (lines.Count > maxLines)
        {
            lines.RemoveRange(0, lines.Count - maxLines);
            dropped = true;
        }

        var builder = new StringBuilder();
        if (dropped)
        {
            builder.Append("(older lines omitted)").Append('\n');
        }

        foreach (var (_, text) in lines)
        {
            builder.Append(text).Append('\n');
        }

        return builder.ToString();
    }
}
