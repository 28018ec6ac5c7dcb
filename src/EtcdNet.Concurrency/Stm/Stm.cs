namespace EtcdNet.Concurrency;

/// <summary>
/// Software transactional memory on etcd, with the semantics and isolation levels of etcd's Go
/// <c>concurrency.NewSTM</c>: the apply function reads and writes keys through an <see cref="IStm"/>, its
/// reads are recorded and its writes buffered, and the writes are committed in one transaction guarded by
/// the isolation level's conditions. When a concurrent writer got in between, the apply function runs
/// again on fresh reads. See docs/stm.md.
/// </summary>
public static class Stm
{
    /// <summary>
    /// Runs <paramref name="apply"/> and commits its writes atomically, re-running it on conflict.
    /// </summary>
    /// <param name="client">The client.</param>
    /// <param name="apply">
    /// The transaction body. It may run several times, each time on a reset <see cref="IStm"/>, so it must
    /// not have side effects outside it. An exception it throws aborts the transaction (nothing is written)
    /// and propagates.
    /// </param>
    /// <param name="isolation">The isolation level; <see cref="StmIsolation.ReadCommitted"/> never conflicts and does not preserve invariants.</param>
    /// <param name="options">Prefetched keys and the attempt limit; null for <see cref="StmOptions.Default"/>.</param>
    /// <param name="cancellationToken">Cancels the reads, the commit and further attempts.</param>
    /// <returns>The response of the successful commit transaction.</returns>
    /// <exception cref="StmConflictException">Every one of <see cref="StmOptions.MaxAttempts"/> commits conflicted.</exception>
    public static async Task<TxnResponse> RunAsync(
        IEtcdClient client,
        Func<IStm, CancellationToken, Task> apply,
        StmIsolation isolation = StmIsolation.SerializableSnapshot,
        StmOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(apply);
        if (!Enum.IsDefined(isolation))
        {
            throw new ArgumentOutOfRangeException(nameof(isolation), isolation, "Unknown isolation level.");
        }

        options ??= StmOptions.Default;
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxAttempts, 1, nameof(options));
        var prefetch = (options.Prefetch ?? []).Distinct(StringComparer.Ordinal).ToArray();
        var stm = new StmTransaction(client, isolation);
        for (var attempt = 1; attempt <= options.MaxAttempts; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            stm.Reset();
            if (prefetch.Length > 0)
            {
                await stm.PrefetchAsync(prefetch, cancellationToken).ConfigureAwait(false);
            }

            await apply(stm, cancellationToken).ConfigureAwait(false);
            var response = await stm.CommitAsync(cancellationToken).ConfigureAwait(false);
            if (response is not null)
            {
                return response;
            }
        }

        throw new StmConflictException(options.MaxAttempts);
    }
}
