namespace EtcdNet;

/// <summary>What <see cref="EtcdMirror.RunAsync"/> copies and where it writes it.</summary>
public sealed record MirrorOptions
{
    /// <summary>The key prefix to mirror; empty (the default) for every key.</summary>
    public EtcdBytes Prefix { get; init; }

    /// <summary>
    /// The prefix that replaces <see cref="Prefix"/> in the destination's keys; null (the default) keeps keys as they
    /// are, and empty writes them without the source prefix (etcdctl's <c>--no-dest-prefix</c>).
    /// </summary>
    public EtcdBytes? DestinationPrefix { get; init; }

    /// <summary>The revision of the base copy; 0 (the default) for the latest.</summary>
    public long Revision { get; init; }

    /// <summary>
    /// Puts per transaction in the base copy (at most etcd's <c>--max-txn-ops</c>, 128 by default). Default: 64.
    /// </summary>
    public int BatchSize { get; init; } = 64;

    /// <summary>Told the running total of keys written and deleted at the destination, after each write.</summary>
    public IProgress<long>? Progress { get; init; }
}
