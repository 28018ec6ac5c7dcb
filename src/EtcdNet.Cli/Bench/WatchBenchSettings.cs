namespace EtcdNet.Cli.Bench;

/// <summary>The flags of the watch benchmarks.</summary>
internal sealed record WatchBenchSettings
{
    public required int Streams { get; init; }

    public required int WatchersPerStream { get; init; }

    public required int PutTotal { get; init; }

    public required int PutRate { get; init; }

    public required int PutClients { get; init; }

    public required int KeySpace { get; init; }

    public required bool SequentialKeys { get; init; }

    public required int ValueSize { get; init; }

    public required bool PrevKv { get; init; }

    public required string Prefix { get; init; }

    /// <summary>Sum up the put phase's latencies per second too (--sample).</summary>
    public bool Sample { get; init; }

    /// <summary>Report the creation phase too (watch), not only the put and event phases (watch-latency).</summary>
    public required bool ReportCreation { get; init; }
}
