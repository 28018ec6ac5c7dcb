namespace EtcdNet;

/// <summary>
/// Options of a get (etcd Range). By default a get reads one key, linearizably, at the newest revision.
/// Set at most one of <see cref="Prefix"/>, <see cref="RangeEnd"/> and <see cref="FromKey"/>.
/// </summary>
public sealed record GetOptions
{
    /// <summary>Read every key that starts with the given key (Go: <c>WithPrefix</c>). An empty key with a prefix reads all keys.</summary>
    public bool Prefix { get; init; }

    /// <summary>Read the keys in [key, RangeEnd) (Go: <c>WithRange</c>).</summary>
    public EtcdBytes? RangeEnd { get; init; }

    /// <summary>Read every key greater than or equal to the given key (Go: <c>WithFromKey</c>).</summary>
    public bool FromKey { get; init; }

    /// <summary>Read at this store revision; 0 (the default) reads the newest. An older, compacted revision fails with <see cref="EtcdCompactedException"/>.</summary>
    public long Revision { get; init; }

    /// <summary>Return at most this many keys; 0 (the default) means no limit.</summary>
    public long Limit { get; init; }

    /// <summary>The field to sort by; used with <see cref="SortOrder"/>.</summary>
    public SortTarget SortTarget { get; init; }

    /// <summary>The sort order; <see cref="EtcdNet.SortOrder.None"/> (the default) leaves keys in ascending key order.</summary>
    public SortOrder SortOrder { get; init; }

    /// <summary>Serve the read from the local member without consulting the leader: faster, possibly stale (Go: <c>WithSerializable</c>).</summary>
    public bool Serializable { get; init; }

    /// <summary>Return keys and metadata without values.</summary>
    public bool KeysOnly { get; init; }

    /// <summary>Return only the count of matching keys.</summary>
    public bool CountOnly { get; init; }

    /// <summary>Only keys modified at or after this revision; 0 disables the filter.</summary>
    public long MinModRevision { get; init; }

    /// <summary>Only keys modified at or before this revision; 0 disables the filter.</summary>
    public long MaxModRevision { get; init; }

    /// <summary>Only keys created at or after this revision; 0 disables the filter.</summary>
    public long MinCreateRevision { get; init; }

    /// <summary>Only keys created at or before this revision; 0 disables the filter.</summary>
    public long MaxCreateRevision { get; init; }

    /// <summary>The lexically first key with the given prefix (Go: <c>WithFirstKey</c>).</summary>
    public static GetOptions FirstKey { get; } = Top(SortTarget.Key, SortOrder.Ascend);

    /// <summary>The lexically last key with the given prefix (Go: <c>WithLastKey</c>).</summary>
    public static GetOptions LastKey { get; } = Top(SortTarget.Key, SortOrder.Descend);

    /// <summary>The key with the given prefix created first (Go: <c>WithFirstCreate</c>).</summary>
    public static GetOptions FirstCreate { get; } = Top(SortTarget.CreateRevision, SortOrder.Ascend);

    /// <summary>The key with the given prefix created last (Go: <c>WithLastCreate</c>).</summary>
    public static GetOptions LastCreate { get; } = Top(SortTarget.CreateRevision, SortOrder.Descend);

    /// <summary>The key with the given prefix modified least recently (Go: <c>WithFirstRev</c>).</summary>
    public static GetOptions FirstRev { get; } = Top(SortTarget.ModRevision, SortOrder.Ascend);

    /// <summary>The key with the given prefix modified most recently (Go: <c>WithLastRev</c>).</summary>
    public static GetOptions LastRev { get; } = Top(SortTarget.ModRevision, SortOrder.Descend);

    private static GetOptions Top(SortTarget target, SortOrder order) => new() { Prefix = true, SortTarget = target, SortOrder = order, Limit = 1 };
}
