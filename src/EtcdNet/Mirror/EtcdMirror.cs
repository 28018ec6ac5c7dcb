using EtcdNet.Resilience;

namespace EtcdNet;

/// <summary>
/// Keeps a key range of one cluster copied into another, as etcdctl's <c>make-mirror</c> does: a base copy at one
/// revision, then each later revision of the source applied to the destination in one transaction, in revision order.
/// </summary>
/// <remarks>
/// Writes to the destination are idempotent (a put of a value, a delete), so each is repeated after a transient
/// failure (a member failure, a leader election, an outcome left unknown) until it succeeds; the source side resumes
/// on its own (see <see cref="MirrorSyncer"/>). The destination's revisions are its own: keys keep the order of their
/// source revisions, not the numbers. Leases are not mirrored.
/// </remarks>
public static class EtcdMirror
{
    /// <summary>Mirrors until <paramref name="cancellationToken"/> is cancelled or a failure no retry can cure.</summary>
    /// <param name="source">The cluster to copy from.</param>
    /// <param name="destination">The cluster to write to.</param>
    /// <param name="options">The range and prefixes; null for every key, unchanged.</param>
    /// <param name="cancellationToken">Stops the mirror.</param>
    /// <returns>A task that ends with <see cref="OperationCanceledException"/> when stopped.</returns>
    /// <exception cref="EtcdCompactedException">The source was compacted past the revisions still to be copied.</exception>
    /// <exception cref="EtcdException">A failure that repeating cannot cure (permission denied, request too large, ...).</exception>
    public static async Task RunAsync(EtcdClient source, EtcdClient destination, MirrorOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(destination);
        options ??= new MirrorOptions();
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.BatchSize, nameof(options) + "." + nameof(MirrorOptions.BatchSize));

        var syncer = new MirrorSyncer(source, options.Prefix, options.Revision);
        var rename = new KeyRename(options.Prefix, options.DestinationPrefix);
        var total = 0L;

        var batch = new List<Op>(options.BatchSize);
        await foreach (var page in syncer.SyncBaseAsync(cancellationToken).ConfigureAwait(false))
        {
            foreach (var kv in page.Kvs)
            {
                batch.Add(Op.Put(rename.Apply(kv.Key), kv.Value));
                if (batch.Count == options.BatchSize)
                {
                    total = await CommitAsync(destination, batch, total, options.Progress, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        total = await CommitAsync(destination, batch, total, options.Progress, cancellationToken).ConfigureAwait(false);

        await foreach (var response in syncer.SyncUpdatesAsync(cancellationToken).ConfigureAwait(false))
        {
            // The events of one revision are one transaction at the source: apply them as one at the destination.
            var revision = 0L;
            foreach (var change in response.Events)
            {
                if (change.Kv.ModRevision != revision && batch.Count > 0)
                {
                    total = await CommitAsync(destination, batch, total, options.Progress, cancellationToken).ConfigureAwait(false);
                }

                revision = change.Kv.ModRevision;
                var key = rename.Apply(change.Kv.Key);
                batch.Add(change.Type == WatchEventType.Put ? Op.Put(key, change.Kv.Value) : Op.Delete(key));
            }

            total = await CommitAsync(destination, batch, total, options.Progress, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<long> CommitAsync(EtcdClient destination, List<Op> batch, long total, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return total;
        }

        // The batch writes the source's values as of one revision: applying it twice leaves what applying it once does,
        // so the client repeats it through a failover until it lands or the mirror is cancelled.
        await destination.Txn().Then(batch.ToArray()).Repeatable(untilCancelled: true).CommitAsync(cancellationToken).ConfigureAwait(false);
        total += batch.Count;
        batch.Clear();
        progress?.Report(total);
        return total;
    }
}
