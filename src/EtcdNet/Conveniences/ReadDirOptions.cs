namespace EtcdNet;

/// <summary>Options of <see cref="EtcdDirectoryExtensions.ReadDirAsync"/> (the Lua client's <c>readdir</c> options).</summary>
public sealed record ReadDirOptions
{
    /// <summary>Read at this store revision; 0 (the default) reads the newest. A compacted revision fails with <see cref="EtcdCompactedException"/>.</summary>
    public long Revision { get; init; }

    /// <summary>Return at most this many keys; 0 (the default) means no limit. <see cref="GetResponse.More"/> says whether keys were left out.</summary>
    public long Limit { get; init; }

    /// <summary>The field to sort by; used with <see cref="SortOrder"/>.</summary>
    public SortTarget SortTarget { get; init; }

    /// <summary>The sort order; <see cref="EtcdNet.SortOrder.None"/> (the default) returns keys in ascending key order.</summary>
    public SortOrder SortOrder { get; init; }

    /// <summary>Return keys and metadata without values.</summary>
    public bool KeysOnly { get; init; }

    /// <summary>Return only the number of keys, in <see cref="GetResponse.Count"/>.</summary>
    public bool CountOnly { get; init; }

    internal GetOptions ToGetOptions() => new()
    {
        Prefix = true,
        Revision = Revision,
        Limit = Limit,
        SortTarget = SortTarget,
        SortOrder = SortOrder,
        KeysOnly = KeysOnly,
        CountOnly = CountOnly,
    };
}
