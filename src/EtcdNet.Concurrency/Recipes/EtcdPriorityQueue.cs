using System.Globalization;

namespace EtcdNet.Concurrency;

/// <summary>
/// A multi-producer, multi-consumer priority queue under a key prefix (Go: <c>recipe.PriorityQueue</c>).
/// Items are keys <c>prefix/%05d(priority)/%016d(sequence)</c>, so the lexically first key is the
/// oldest item of the lowest priority number. Each item is delivered to exactly one consumer.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "It is a queue, named after Go's recipe.")]
public sealed class EtcdPriorityQueue
{
    private readonly IEtcdClient _client;
    private readonly string _root;

    /// <summary>Creates a priority queue under <paramref name="prefix"/>; nothing is sent to etcd yet.</summary>
    /// <param name="client">The client to use.</param>
    /// <param name="prefix">The queue's prefix, without a trailing slash (items are <c>prefix/…</c>).</param>
    public EtcdPriorityQueue(IEtcdClient client, string prefix)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        _client = client;
        Prefix = prefix;
        _root = prefix + "/";
    }

    /// <summary>The queue's prefix.</summary>
    public string Prefix { get; }

    /// <summary>Adds an item; items with a lower <paramref name="priority"/> number are dequeued first, equal priorities in FIFO order.</summary>
    /// <param name="value">The item.</param>
    /// <param name="priority">The priority: 0 is dequeued first.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The item's key.</returns>
    public Task<string> EnqueueAsync(EtcdBytes value, ushort priority, CancellationToken cancellationToken = default)
        => RecipeKv.PutSequentialAsync(_client, _root + priority.ToString("D5", CultureInfo.InvariantCulture), value, cancellationToken);

    /// <summary>
    /// Takes the item with the lowest priority number (the oldest of them), waiting through a watch for
    /// one to be enqueued when the queue is empty. An item that arrives while the queue is empty goes
    /// to a waiting consumer whatever its priority, as in Go.
    /// </summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The item's value as UTF-8 text.</returns>
    public async Task<string> DequeueAsync(CancellationToken cancellationToken = default)
        => (await DequeueItemAsync(cancellationToken).ConfigureAwait(false)).ValueString;

    /// <summary>As <see cref="DequeueAsync"/>, but returns the whole key-value: its key, raw bytes and revisions.</summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The claimed item as it was stored.</returns>
    public Task<KeyValue> DequeueItemAsync(CancellationToken cancellationToken = default)
        => RecipeKv.ClaimAsync(_client, _root, GetOptions.FirstKey, cancellationToken);
}
