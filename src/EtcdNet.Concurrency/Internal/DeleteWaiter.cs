using EtcdNet.Resilience;

namespace EtcdNet.Concurrency.Internal;

/// <summary>
/// Waits for keys to be deleted, as etcd's Go concurrency package does (<c>waitDelete</c>, <c>waitDeletes</c>):
/// the queue discipline behind mutexes, elections and other recipes built on create revisions.
/// </summary>
internal static class DeleteWaiter
{
    /// <summary>
    /// Waits until no key under <paramref name="prefix"/> has a create revision of at most
    /// <paramref name="maxCreateRevision"/>: repeatedly finds the last-created such key ("the key just before mine")
    /// and waits for its deletion.
    /// </summary>
    /// <param name="client">The client.</param>
    /// <param name="prefix">The key prefix (for example <c>name/</c>).</param>
    /// <param name="maxCreateRevision">The largest create revision to wait for (the caller's own create revision minus one).</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The header of the read that found no such key.</returns>
    public static async Task<ResponseHeader> WaitDeletesAsync(IEtcdClient client, string prefix, long maxCreateRevision, CancellationToken cancellationToken)
    {
        var options = GetOptions.LastCreate with { MaxCreateRevision = maxCreateRevision };
        while (true)
        {
            var response = await client.GetAsync(prefix, options, cancellationToken).ConfigureAwait(false);
            if (response.Kvs.Count == 0)
            {
                return response.Header;
            }

            await WaitDeleteAsync(client, response.Kvs[0].Key, response.Header.Revision, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Watches <paramref name="key"/> from <paramref name="revision"/> until a delete event arrives. Also returns
    /// (without a delete) when the watch is cancelled by the server or the revision was compacted, so that the
    /// caller re-reads the current state.
    /// </summary>
    /// <param name="client">The client.</param>
    /// <param name="key">The exact key.</param>
    /// <param name="revision">The revision to watch from (the revision at which the key was seen).</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>True when the delete was seen; false when the caller must re-read (watch cancelled, history compacted).</returns>
    public static async Task<bool> WaitDeleteAsync(IEtcdClient client, ReadOnlyMemory<byte> key, long revision, CancellationToken cancellationToken)
    {
        try
        {
            var options = new WatchOptions { StartRevision = revision };
            await foreach (var response in client.WatchAsync(key, options, cancellationToken).ConfigureAwait(false))
            {
                if (response.Canceled)
                {
                    return false;
                }

                foreach (var change in response.Events)
                {
                    if (change.Type == WatchEventType.Delete)
                    {
                        return true;
                    }
                }
            }
        }
        catch (EtcdCompactedException)
        {
            // The history we needed is gone; the caller re-reads the current state.
            return false;
        }

        cancellationToken.ThrowIfCancellationRequested();
        return false;
    }
}
