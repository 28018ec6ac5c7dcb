namespace EtcdNet.Concurrency;

/// <summary>
/// A multi-producer, multi-consumer FIFO queue under a key prefix (Go: <c>recipe.Queue</c>). Items are
/// keys <c>prefix/%016d</c> with increasing sequence numbers (Go's <c>newSequentialKV</c> layout);
/// dequeuing claims the first-created item with a delete guarded by its mod revision, so each item is
/// delivered to exactly one consumer. Items have no lease: they outlive the processes that made them.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "It is a queue, named after Go's recipe.")]
public sealed class EtcdQueue
{
    private readonly IEtcdClient _client;

    /// <summary>Creates a queue under <paramref name="prefix"/>; nothing is sent to etcd yet.</summary>
    /// <param name="client">The client to use.</param>
    /// <param name="prefix">The queue's prefix, without a trailing slash (items are <c>prefix/…</c>).</param>
    public EtcdQueue(IEtcdClient client, string prefix)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        _client = client;
        Prefix = prefix;
    }

    /// <summary>The queue's prefix.</summary>
    public string Prefix { get; }

    /// <summary>Appends an item at the end of the queue.</summary>
    /// <param name="value">The item.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The item's key.</returns>
    public Task<string> EnqueueAsync(EtcdBytes value, CancellationToken cancellationToken = default)
        => RecipeKv.PutSequentialAsync(_client, Prefix, value, cancellationToken);

    /// <summary>
    /// Takes the item at the head of the queue (the first created), waiting through a watch for one
    /// to be enqueued when the queue is empty.
    /// </summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The item's value as UTF-8 text.</returns>
    public async Task<string> DequeueAsync(CancellationToken cancellationToken = default)
        => (await DequeueItemAsync(cancellationToken).ConfigureAwait(false)).ValueString;

    /// <summary>As <see cref="DequeueAsync"/>, but returns the whole key-value: its key, raw bytes and revisions.</summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The claimed item as it was stored.</returns>
    public Task<KeyValue> DequeueItemAsync(CancellationToken cancellationToken = default)
        => RecipeKv.ClaimAsync(_client, Prefix + "/", GetOptions.FirstCreate, cancellationToken);
}
