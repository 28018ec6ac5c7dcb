namespace EtcdNet;

/// <summary>The range a permission covers beyond a single key. Set one of the properties.</summary>
public sealed record PermissionRange
{
    /// <summary>Every key that starts with the key.</summary>
    public bool Prefix { get; init; }

    /// <summary>The keys in [key, RangeEnd).</summary>
    public EtcdBytes? RangeEnd { get; init; }

    /// <summary>Every key from the key on.</summary>
    public bool FromKey { get; init; }

    /// <summary>A range covering every key with the given key as prefix.</summary>
    public static PermissionRange ForPrefix { get; } = new() { Prefix = true };
}
