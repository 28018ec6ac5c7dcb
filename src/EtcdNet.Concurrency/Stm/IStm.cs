namespace EtcdNet.Concurrency;

/// <summary>
/// The view of etcd that the apply function of <see cref="Stm.RunAsync"/> works on: reads are recorded,
/// writes are buffered and sent in one transaction at commit. One instance serves one
/// <see cref="Stm.RunAsync"/> call and is reset before each attempt; it is not thread-safe.
/// </summary>
public interface IStm
{
    /// <summary>
    /// Reads a key as a UTF-8 string: the value buffered by <see cref="Put"/> or <see cref="Delete"/> in this
    /// attempt if any, otherwise the value read from etcd (fetched once per attempt, then cached).
    /// </summary>
    /// <param name="key">The key.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The value, or null when the key does not exist (or was deleted in this attempt).</returns>
    Task<string?> GetAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Reads a key as bytes, with the same rules as <see cref="GetAsync"/>.</summary>
    /// <param name="key">The key.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The value, or null when the key does not exist (or was deleted in this attempt).</returns>
    Task<EtcdBytes?> GetBytesAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Buffers a put of <paramref name="key"/>, sent at commit. Later reads of the key in this attempt return it.</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The value.</param>
    /// <param name="lease">The lease to attach, or 0 for none.</param>
    void Put(string key, EtcdBytes value, long lease = 0);

    /// <summary>Buffers a delete of <paramref name="key"/>, sent at commit. Later reads of the key in this attempt return null.</summary>
    /// <param name="key">The key.</param>
    void Delete(string key);

    /// <summary>
    /// The modification revision of a key already read in this attempt (0 when it did not exist), ignoring
    /// buffered writes. Use <see cref="RevisionAsync"/> to read the key first when needed.
    /// </summary>
    /// <param name="key">The key.</param>
    /// <exception cref="InvalidOperationException">The key was not read in this attempt.</exception>
    long Revision(string key);

    /// <summary>
    /// Reads <paramref name="key"/> (recording the read like <see cref="GetAsync"/>) and returns its
    /// modification revision, 0 when it does not exist; buffered writes are ignored.
    /// </summary>
    /// <param name="key">The key.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<long> RevisionAsync(string key, CancellationToken cancellationToken = default);
}
