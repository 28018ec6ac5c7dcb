using EtcdNet.Conveniences;

namespace EtcdNet;

/// <summary>
/// Conditional puts, as the Lua client's <c>setnx</c> and <c>setx</c>: each is one transaction, so
/// the check and the write are atomic.
/// </summary>
public static class EtcdConditionalPutExtensions
{
    /// <summary>
    /// Stores a value only when the key does not exist (Lua <c>setnx</c>): one transaction
    /// <c>If(CreateRevision(key) == 0).Then(Put(key, value))</c>.
    /// </summary>
    /// <param name="kv">The KV client (or the <see cref="EtcdClient"/>).</param>
    /// <param name="key">The key.</param>
    /// <param name="value">The value.</param>
    /// <param name="options">
    /// Lease and TTL options. With <see cref="PutOptions.Ttl"/> (or <see cref="EtcdClientOptions.DefaultTtl"/>)
    /// the lease is granted before the transaction, and revoked again when the key already existed.
    /// </param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>True when the key was written; false when it already existed (it is left unchanged).</returns>
    public static Task<bool> PutIfAbsentAsync(this IKvClient kv, EtcdBytes key, EtcdBytes value, PutOptions? options = null, CancellationToken cancellationToken = default)
        => PutIfAsync(kv, Compare.CreateRevision(key, CompareOp.Equal, 0), key, value, options, cancellationToken);

    /// <summary>
    /// Replaces a value only when the key exists (Lua <c>setx</c>): one transaction
    /// <c>If(CreateRevision(key) &gt; 0).Then(Put(key, value))</c>.
    /// </summary>
    /// <param name="kv">The KV client (or the <see cref="EtcdClient"/>).</param>
    /// <param name="key">The key.</param>
    /// <param name="value">The value.</param>
    /// <param name="options">
    /// Lease and TTL options. As with a plain put, a put without a lease detaches the key from its
    /// lease; use <see cref="PutOptions.IgnoreLease"/> to keep it. With <see cref="PutOptions.Ttl"/> (or
    /// <see cref="EtcdClientOptions.DefaultTtl"/>) the lease is granted before the transaction, and
    /// revoked again when the key did not exist.
    /// </param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>True when the key was written; false when it did not exist (nothing is created).</returns>
    public static Task<bool> PutIfExistsAsync(this IKvClient kv, EtcdBytes key, EtcdBytes value, PutOptions? options = null, CancellationToken cancellationToken = default)
        => PutIfAsync(kv, Compare.CreateRevision(key, CompareOp.Greater, 0), key, value, options, cancellationToken);

    private static async Task<bool> PutIfAsync(IKvClient kv, Compare condition, EtcdBytes key, EtcdBytes value, PutOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(kv);
        var owner = TtlPuts.Find(kv);
        var (resolved, lease) = await TtlPuts.ResolveAsync(owner, options, cancellationToken).ConfigureAwait(false);
        var txn = await kv.Txn().If(condition).Then(Op.Put(key, value, resolved)).CommitAsync(cancellationToken).ConfigureAwait(false);
        if (!txn.Succeeded && lease != 0)
        {
            await owner!.RevokeUnusedLeaseAsync(lease, cancellationToken).ConfigureAwait(false);
        }

        return txn.Succeeded;
    }
}
