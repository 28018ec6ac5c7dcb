namespace EtcdNet;

/// <summary>Options of a put.</summary>
public sealed record PutOptions
{
    /// <summary>Attach the key to this lease (it is deleted when the lease expires); 0 (the default) attaches none.</summary>
    public long Lease { get; init; }

    /// <summary>
    /// Give the key a time to live: the put first grants a new lease with this TTL, then attaches the key
    /// to it, so the key is deleted when the TTL passes (nothing keeps that lease alive). Whole seconds,
    /// at least 1 s. Each such put creates its own lease (one LeaseGrant and one Put), as the Lua
    /// client's <c>ttl</c> does; to keep many keys alive together, grant one lease and use
    /// <see cref="Lease"/> instead. Cannot be combined with <see cref="Lease"/> or <see cref="IgnoreLease"/>.
    /// Honoured by <see cref="IKvClient.PutAsync"/> and the convenience methods (<c>PutJsonAsync</c>,
    /// <c>PutIfAbsentAsync</c>, <c>PutIfExistsAsync</c>); an <see cref="Op.Put"/> (for
    /// <see cref="IKvClient.DoAsync"/> or a transaction) cannot grant a lease: grant one and set
    /// <see cref="Lease"/>. Default: null (no TTL of its own; <see cref="EtcdClientOptions.DefaultTtl"/> may apply).
    /// </summary>
    public TimeSpan? Ttl { get; init; }

    /// <summary>Return the previous key-value in <see cref="PutResponse.PrevKv"/>.</summary>
    public bool PrevKv { get; init; }

    /// <summary>Keep the key's current value (pass an empty value); fails with <see cref="EtcdKeyNotFoundException"/> when the key does not exist.</summary>
    public bool IgnoreValue { get; init; }

    /// <summary>Keep the key's current lease; fails with <see cref="EtcdKeyNotFoundException"/> when the key does not exist.</summary>
    public bool IgnoreLease { get; init; }
}
