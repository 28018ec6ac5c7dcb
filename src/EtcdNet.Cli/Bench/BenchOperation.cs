namespace EtcdNet.Cli.Bench;

/// <summary>One kind of request the load loop repeats. Each worker has one request in flight, so per-worker buffers are safe to reuse.</summary>
internal abstract class BenchOperation
{
    /// <summary>Sets up per-worker state before the measured phase (keys, leases).</summary>
    public virtual Task PrepareAsync(IReadOnlyList<EtcdClient> connections, int workers, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Issues request number <paramref name="sequence"/> of worker <paramref name="worker"/> on <paramref name="client"/>.</summary>
    public abstract Task ExecuteAsync(EtcdClient client, int worker, long sequence, CancellationToken cancellationToken);

    /// <summary>Releases what <see cref="PrepareAsync"/> created.</summary>
    public virtual Task CleanupAsync(IReadOnlyList<EtcdClient> connections, CancellationToken cancellationToken) => Task.CompletedTask;
}
