namespace EtcdNet;

/// <summary>
/// Options of a delete (etcd DeleteRange). By default a delete removes one key.
/// Set at most one of <see cref="Prefix"/>, <see cref="RangeEnd"/> and <see cref="FromKey"/>.
/// </summary>
public sealed record DeleteOptions
{
    /// <summary>Delete every key that starts with the given key.</summary>
    public bool Prefix { get; init; }

    /// <summary>Delete the keys in [key, RangeEnd).</summary>
    public EtcdBytes? RangeEnd { get; init; }

    /// <summary>Delete every key greater than or equal to the given key.</summary>
    public bool FromKey { get; init; }

    /// <summary>Return the deleted key-values in <see cref="DeleteResponse.PrevKvs"/>.</summary>
    public bool PrevKv { get; init; }
}
