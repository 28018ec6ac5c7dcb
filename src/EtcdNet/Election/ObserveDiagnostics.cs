namespace EtcdNet.Election;

/// <summary>What a client's Observe streams did: how many were opened, where the last one went, how often history was replayed, how many duplicates were dropped.</summary>
internal sealed class ObserveDiagnostics
{
    private int _streamsOpened;
    private int _replays;
    private int _duplicates;
    private string? _endpoint;

    /// <summary>How many Observe streams were opened.</summary>
    public int StreamsOpened => Volatile.Read(ref _streamsOpened);

    /// <summary>How many reconnections read missed proclamations back from history.</summary>
    public int Replays => Volatile.Read(ref _replays);

    /// <summary>How many responses were dropped because they were delivered already (a new stream starts with the current value).</summary>
    public int Duplicates => Volatile.Read(ref _duplicates);

    /// <summary>The endpoint of the most recently opened Observe stream.</summary>
    public string? CurrentEndpoint => Volatile.Read(ref _endpoint);

    public void StreamOpened(string endpoint)
    {
        Volatile.Write(ref _endpoint, endpoint);
        Interlocked.Increment(ref _streamsOpened);
    }

    public void Replayed() => Interlocked.Increment(ref _replays);

    public void Duplicate() => Interlocked.Increment(ref _duplicates);
}
