using System.Runtime.CompilerServices;
using EtcdNet.Kv;
using EtcdNet.Resilience;

namespace EtcdNet;

/// <summary>
/// Reads a key range of one cluster in the two steps a mirror needs: a base copy at one revision, in pages
/// (<see cref="SyncBaseAsync"/>), then every change after that revision as a watch (<see cref="SyncUpdatesAsync"/>).
/// Together they see each revision of the range exactly once. <see cref="EtcdMirror"/> applies them to another
/// cluster; use this type to apply them elsewhere (a cache, another store).
/// </summary>
/// <remarks>
/// Reads during a member failure are repeated until they succeed or are cancelled; the watch resumes on another
/// member from its last revision. A compaction of the source past the base revision ends
/// <see cref="SyncUpdatesAsync"/> with <see cref="EtcdCompactedException"/>: the base copy must then be taken again.
/// Not thread-safe: run the two steps one after the other.
/// </remarks>
public sealed class MirrorSyncer
{
    /// <summary>Keys per page of the base copy unless set otherwise.</summary>
    public const int DefaultPageSize = 1000;

    private readonly IKvClient _kv;
    private readonly IWatchClient _watch;
    private readonly EtcdBytes _prefix;
    private readonly int _pageSize;

    /// <summary>Creates a syncer for the keys of <paramref name="source"/> under <paramref name="prefix"/>.</summary>
    /// <param name="source">The cluster to read (a namespaced view works too).</param>
    /// <param name="prefix">The key prefix to read; empty for every key.</param>
    /// <param name="revision">The revision of the base copy; 0 for the latest at the time of the first page.</param>
    /// <param name="pageSize">Keys per page of the base copy.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="revision"/> is negative or <paramref name="pageSize"/> is not positive.</exception>
    public MirrorSyncer(EtcdClient source, EtcdBytes prefix = default, long revision = 0, int pageSize = DefaultPageSize)
        : this(source, source, prefix, revision, pageSize)
    {
    }

    /// <summary>Creates a syncer that reads through <paramref name="kv"/> and watches through <paramref name="watch"/>.</summary>
    /// <param name="kv">Reads the base copy.</param>
    /// <param name="watch">Watches the changes after it.</param>
    /// <param name="prefix">The key prefix to read; empty for every key.</param>
    /// <param name="revision">The revision of the base copy; 0 for the latest at the time of the first page.</param>
    /// <param name="pageSize">Keys per page of the base copy.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="revision"/> is negative or <paramref name="pageSize"/> is not positive.</exception>
    public MirrorSyncer(IKvClient kv, IWatchClient watch, EtcdBytes prefix = default, long revision = 0, int pageSize = DefaultPageSize)
    {
        ArgumentNullException.ThrowIfNull(kv);
        ArgumentNullException.ThrowIfNull(watch);
        ArgumentOutOfRangeException.ThrowIfNegative(revision);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pageSize);
        _kv = kv;
        _watch = watch;
        _prefix = prefix;
        _pageSize = pageSize;
        Revision = revision;
    }

    /// <summary>The revision of the base copy: as given, or the latest once the first page has been read; 0 before.</summary>
    public long Revision { get; private set; }

    /// <summary>
    /// The keys of the range as of <see cref="Revision"/>, in key order, one response per page. Each page is read at
    /// that same revision, so the pages together are one consistent snapshot however long the copy takes.
    /// </summary>
    /// <param name="cancellationToken">Stops the copy.</param>
    /// <returns>The pages.</returns>
    /// <exception cref="EtcdCompactedException">The source was compacted past <see cref="Revision"/> during the copy.</exception>
    public async IAsyncEnumerable<GetResponse> SyncBaseAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var rangeEnd = _prefix.IsEmpty ? new EtcdBytes(new byte[] { 0 }) : new EtcdBytes(KeyRange.PrefixEnd(_prefix.Span).Memory);
        var key = _prefix.IsEmpty ? new EtcdBytes(new byte[] { 0 }) : _prefix;
        while (true)
        {
            var options = new GetOptions { RangeEnd = rangeEnd, Revision = Revision, Limit = _pageSize };
            var page = await ReadPageAsync(key, options, cancellationToken).ConfigureAwait(false);
            if (Revision == 0)
            {
                Revision = page.Header.Revision;
            }

            yield return page;
            if (!page.More || page.Kvs.Count == 0)
            {
                yield break;
            }

            key = AfterKey(page.Kvs[^1].Key.Span);
        }
    }

    /// <summary>
    /// Reads one page as a read-only transaction the client repeats until it succeeds or <paramref name="cancellationToken"/>
    /// is cancelled: a long copy rides out a failover by the client's one retry policy, with no deadline of its own.
    /// </summary>
    private async Task<GetResponse> ReadPageAsync(EtcdBytes key, GetOptions options, CancellationToken cancellationToken)
    {
        var read = await _kv.Txn().Then(Op.Get(key, options)).Repeatable(untilCancelled: true).CommitAsync(cancellationToken).ConfigureAwait(false);
        return new GetResponse(read.Header, read.Responses[0].Get!);
    }

    /// <summary>
    /// Every change to the range after <see cref="Revision"/>, as watch responses (the events of one revision arrive
    /// together). Resumes on its own after a member failure, with no revision lost or repeated.
    /// </summary>
    /// <param name="cancellationToken">Ends the watch.</param>
    /// <returns>The watch responses.</returns>
    /// <exception cref="InvalidOperationException">No revision yet: run <see cref="SyncBaseAsync"/> first, or give one.</exception>
    /// <exception cref="EtcdCompactedException">The source was compacted past <see cref="Revision"/>.</exception>
    public IAsyncEnumerable<WatchResponse> SyncUpdatesAsync(CancellationToken cancellationToken = default)
    {
        if (Revision == 0)
        {
            throw new InvalidOperationException("The base revision is not known yet: read the base copy (SyncBaseAsync) first, or give a revision.");
        }

        var options = _prefix.IsEmpty
            ? new WatchOptions { FromKey = true, StartRevision = Revision + 1 }
            : new WatchOptions { Prefix = true, StartRevision = Revision + 1 };
        var key = _prefix.IsEmpty ? new EtcdBytes(new byte[] { 0 }) : _prefix;
        return _watch.WatchAsync(key, options, cancellationToken);
    }

    private static EtcdBytes AfterKey(ReadOnlySpan<byte> key)
    {
        var next = new byte[key.Length + 1];
        key.CopyTo(next);
        return next;
    }
}
