namespace EtcdNet.Namespace;

/// <summary>The Lock service inside a namespace: lock names get the prefix; ownership keys come back without it.</summary>
internal sealed class NamespacedLockClient(ILockClient inner, KeyPrefix prefix) : ILockClient
{
    public async Task<LockResponse> LockAsync(EtcdBytes name, long leaseId, CancellationToken cancellationToken = default)
    {
        var response = await inner.LockAsync(Prefixed(name), leaseId, cancellationToken).ConfigureAwait(false);
        return response.WithoutPrefix(prefix.Value.Length);
    }

    public Task<UnlockResponse> UnlockAsync(EtcdBytes key, CancellationToken cancellationToken = default)
        => inner.UnlockAsync(Prefixed(key), cancellationToken);

    private EtcdBytes Prefixed(EtcdBytes key) => key.IsEmpty ? key : prefix.Add(key.ToByteString()).Memory;
}
