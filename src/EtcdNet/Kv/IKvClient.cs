namespace EtcdNet;

/// <summary>etcd's key-value API: get, put, delete, compact, single operations and transactions.</summary>
public interface IKvClient
{
    /// <summary>Stores a value under a key, creating or replacing it.</summary>
    /// <param name="key">The key; must not be empty.</param>
    /// <param name="value">The value.</param>
    /// <param name="options">Lease and previous-value options.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The response; its header revision is the revision of this write.</returns>
    Task<PutResponse> PutAsync(EtcdBytes key, EtcdBytes value, PutOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Reads a key, or a range of keys with <paramref name="options"/>.</summary>
    /// <param name="key">The key, or the first key of the range.</param>
    /// <param name="options">Range, revision, limit, sort, consistency and filter options.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<GetResponse> GetAsync(EtcdBytes key, GetOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Deletes a key, or a range of keys with <paramref name="options"/>.</summary>
    /// <param name="key">The key, or the first key of the range.</param>
    /// <param name="options">Range and previous-value options.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<DeleteResponse> DeleteAsync(EtcdBytes key, DeleteOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Discards the key-value history before <paramref name="revision"/>.</summary>
    /// <param name="revision">The revision to compact up to; reads and watches below it fail afterwards.</param>
    /// <param name="physical">Wait until the compaction is physically applied to the backend.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<CompactResponse> CompactAsync(long revision, bool physical = false, CancellationToken cancellationToken = default);

    /// <summary>Runs one operation built earlier with <see cref="Op"/>.</summary>
    /// <param name="op">The operation.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<OpResponse> DoAsync(Op op, CancellationToken cancellationToken = default);

    /// <summary>Starts building a transaction: <c>Txn().If(...).Then(...).Else(...).CommitAsync()</c>.</summary>
    Txn Txn();
}
