using System.Diagnostics;
using EtcdNet.RobustnessTests.Checking;

namespace EtcdNet.RobustnessTests.Workload;

/// <summary>Everything a run records, from every worker at once.</summary>
public sealed class History
{
    private readonly Lock _lock = new();
    private readonly List<HistoryOperation> _operations = [];
    private readonly List<SerializableRead> _serializableReads = [];
    private readonly List<WatchRecord> _watches = [];
    private readonly List<LeaseRecord> _leases = [];
    private readonly List<FaultRecord> _faults = [];
    private readonly List<long> _compactions = [];
    private readonly List<string> _unexpected = [];
    private readonly List<(FaultKind Kind, string Reason)> _notInjected = [];
    private int _ids;
    private long _values;

    public static long Now => Stopwatch.GetTimestamp();

    public IReadOnlyList<HistoryOperation> Operations { get { lock (_lock) { return [.. _operations]; } } }

    public IReadOnlyList<SerializableRead> SerializableReads { get { lock (_lock) { return [.. _serializableReads]; } } }

    public IReadOnlyList<WatchRecord> Watches { get { lock (_lock) { return [.. _watches]; } } }

    public IReadOnlyList<LeaseRecord> Leases { get { lock (_lock) { return [.. _leases]; } } }

    public IReadOnlyList<FaultRecord> Faults { get { lock (_lock) { return [.. _faults]; } } }

    public IReadOnlyList<long> Compactions { get { lock (_lock) { return [.. _compactions]; } } }

    /// <summary>Exceptions of a type the client's API does not promise for the call (each an anomaly).</summary>
    public IReadOnlyList<string> Unexpected { get { lock (_lock) { return [.. _unexpected]; } } }

    /// <summary>A value no other write of the run uses.</summary>
    public string UniqueValue(int client) => $"c{client}-{Interlocked.Increment(ref _values)}";

    public void Add(int client, KvInput input, long call, Outcome outcome, KvOutput? output, string? error = null)
    {
        var ret = Now;
        lock (_lock)
        {
            _operations.Add(new HistoryOperation(_ids++, client, input, call, ret, outcome, output, error));
        }
    }

    public void Add(SerializableRead read) { lock (_lock) { _serializableReads.Add(read); } }

    public void Add(WatchRecord watch) { lock (_lock) { _watches.Add(watch); } }

    public void Add(LeaseRecord lease) { lock (_lock) { _leases.Add(lease); } }

    public void Add(FaultRecord fault) { lock (_lock) { _faults.Add(fault); } }

    public void AddCompaction(long revision) { lock (_lock) { _compactions.Add(revision); } }

    public void AddUnexpected(string worker, Exception e) { lock (_lock) { _unexpected.Add($"{worker}: {e}"); } }

    /// <summary>Faults the schedule could not inject (for example, an admin call refused during an election), with why.</summary>
    public IReadOnlyList<(FaultKind Kind, string Reason)> NotInjected { get { lock (_lock) { return [.. _notInjected]; } } }

    public void AddNotInjected(FaultKind kind, string reason) { lock (_lock) { _notInjected.Add((kind, reason)); } }
}
