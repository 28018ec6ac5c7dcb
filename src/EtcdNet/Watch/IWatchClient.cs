namespace EtcdNet;

/// <summary>
/// etcd's watch API. Watches survive member failures: when the stream breaks, the client moves to
/// another member and resumes every watch after the last revision it delivered, so no event is
/// lost or repeated.
/// </summary>
public interface IWatchClient
{
    /// <summary>
    /// Watches a key (or a range, with <paramref name="options"/>). The watch is created when the
    /// enumeration starts and cancelled on the server when it ends. Use
    /// <see cref="WatchOptions.CreatedNotify"/> to know when it is in place, or
    /// <see cref="WatchOptions.StartRevision"/> to start from a known point.
    /// </summary>
    /// <param name="key">The key, or the first key of the range.</param>
    /// <param name="options">Range, start revision, filters and delivery options.</param>
    /// <param name="cancellationToken">Ends the watch.</param>
    /// <returns>The responses, in revision order.</returns>
    /// <exception cref="EtcdCompactedException">The revision to deliver next has been compacted.</exception>
    /// <exception cref="ArgumentException">The options are inconsistent.</exception>
    IAsyncEnumerable<WatchResponse> WatchAsync(EtcdBytes key, WatchOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Asks the server for a progress notification on every watch stream; each watch receives a
    /// response with no events whose header revision is a bookmark: no later event of that watch is
    /// older. From etcd 3.4.25 and 3.5.8 on, that is the server's revision once the watch has caught
    /// up; older servers send their revision ahead of queued events, so from them each watch is told
    /// the revision it has delivered everything through.
    /// </summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    Task RequestProgressAsync(CancellationToken cancellationToken = default);
}
