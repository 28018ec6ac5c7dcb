using EtcdNet.Concurrency.Internal;
using EtcdNet.Resilience;

namespace EtcdNet.Concurrency;

/// <summary>
/// A barrier on one key (Go: <c>recipe.Barrier</c>): while the key exists, <see cref="WaitAsync"/>
/// blocks; deleting it releases every waiter. Holding does not need a session: the key has no lease,
/// so a crashed holder leaves the barrier held until someone calls <see cref="ReleaseAsync"/>.
/// </summary>
public sealed class EtcdBarrier
{
    private readonly IEtcdClient _client;

    /// <summary>Creates a barrier on <paramref name="key"/>; nothing is sent to etcd yet.</summary>
    /// <param name="client">The client to use.</param>
    /// <param name="key">The barrier's key.</param>
    public EtcdBarrier(IEtcdClient client, string key)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrEmpty(key);
        _client = client;
        Key = key;
    }

    /// <summary>The barrier's key.</summary>
    public string Key { get; }

    /// <summary>Holds the barrier: creates its key, atomically, only if it does not exist.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="EtcdKeyExistsException">The barrier is already held.</exception>
    public async Task HoldAsync(CancellationToken cancellationToken = default)
    {
        var revision = await RecipeKv.PutNewAsync(_client, Key, EtcdBytes.Empty, cancellationToken).ConfigureAwait(false);
        if (revision is null)
        {
            throw new EtcdKeyExistsException($"The barrier '{Key}' is already held.", Key);
        }
    }

    /// <summary>Releases the barrier: deletes its key, which lets every waiter through. Releasing a barrier that is not held does nothing.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task ReleaseAsync(CancellationToken cancellationToken = default)
        => await _client.DeleteAsync(Key, cancellationToken: cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// Waits until the barrier is released: returns at once when the key does not exist, otherwise
    /// watches the key from the revision after the read and returns on its deletion (no polling).
    /// </summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    public async Task WaitAsync(CancellationToken cancellationToken = default)
    {
        while (true)
        {
            var current = await _client.GetAsync(Key, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (current.Kvs.Count == 0)
            {
                return;
            }

            // A delete after our read releases us, even if someone holds the barrier again right after (as in Go).
            // A compacted history or a watch cancelled by the server sends us back to read the key again.
            if (await DeleteWaiter.WaitDeleteAsync(_client, current.Kvs[0].Key, current.Header.Revision + 1, cancellationToken).ConfigureAwait(false))
            {
                return;
            }
        }
    }
}
