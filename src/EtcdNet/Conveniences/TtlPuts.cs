using EtcdNet.Kv;

namespace EtcdNet.Conveniences;

/// <summary>
/// The TTL of a put that a convenience method builds itself (inside a transaction): granted through
/// the client's own <see cref="KvClient"/>, which knows the default TTL.
/// </summary>
internal static class TtlPuts
{
    /// <summary>The built-in KV client behind <paramref name="kv"/>, or null for another implementation of <see cref="IKvClient"/>.</summary>
    public static KvClient? Find(IKvClient kv) => kv switch
    {
        KvClient own => own,
        EtcdClient client => client.Kv as KvClient,
        EtcdNamespace view => view.Kv as KvClient,
        _ => null,
    };

    /// <summary>Options with <see cref="PutOptions.Ttl"/> (or the default TTL) turned into a granted lease, and that lease (0 when none).</summary>
    /// <exception cref="NotSupportedException">A TTL is asked of an <see cref="IKvClient"/> that is not the client's own.</exception>
    public static async Task<(PutOptions? Options, long GrantedLease)> ResolveAsync(KvClient? owner, PutOptions? options, CancellationToken cancellationToken)
    {
        if (owner is not null)
        {
            return await owner.ResolveTtlAsync(options, cancellationToken).ConfigureAwait(false);
        }

        return options?.Ttl is null
            ? (options, 0)
            : throw new NotSupportedException("PutOptions.Ttl needs one of EtcdNet's own KV clients (EtcdClient, EtcdClient.Kv, or a namespace view) to grant its lease; grant a lease and set PutOptions.Lease instead.");
    }
}
