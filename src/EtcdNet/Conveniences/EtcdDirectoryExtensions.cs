using EtcdNet.Conveniences;

namespace EtcdNet;

/// <summary>
/// Directory-style calls, as the Lua client's <c>readdir</c>, <c>watchdir</c> and <c>rmdir</c>: a
/// directory <c>"a/b"</c> stands for every key that starts with <c>"a/b/"</c> (a '/' is appended when
/// missing). So it covers <c>"a/b/x"</c> and <c>"a/b/x/y"</c>, but not the key <c>"a/b"</c> itself nor
/// <c>"a/bc"</c> (the Lua client uses the directory as a bare prefix, which would include them).
/// </summary>
public static class EtcdDirectoryExtensions
{
    /// <summary>Reads every key in a directory: a prefix get of <c>dir + "/"</c>.</summary>
    /// <param name="kv">The KV client (or the <see cref="EtcdClient"/>).</param>
    /// <param name="dir">The directory; a trailing '/' is added when missing. Must not be empty.</param>
    /// <param name="options">Revision, limit, sort, keys-only and count-only options.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The keys, in key order unless sorted otherwise.</returns>
    /// <exception cref="ArgumentException"><paramref name="dir"/> is empty, or an option is out of range.</exception>
    public static Task<GetResponse> ReadDirAsync(this IKvClient kv, EtcdBytes dir, ReadDirOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(kv);
        var prefix = DirectoryPrefix.Of(dir, nameof(dir));
        return kv.GetAsync(prefix, (options ?? Defaults.ReadDir).ToGetOptions(), cancellationToken);
    }

    /// <summary>
    /// Watches every key in a directory: a prefix watch of <c>dir + "/"</c>, with all the watch's
    /// guarantees (resumes after member failures, no event lost or repeated).
    /// </summary>
    /// <param name="watch">The watch client (or the <see cref="EtcdClient"/>).</param>
    /// <param name="dir">The directory; a trailing '/' is added when missing. Must not be empty.</param>
    /// <param name="options">Start revision, filters and delivery options; <see cref="WatchOptions.Prefix"/> is set for you, and <see cref="WatchOptions.RangeEnd"/> and <see cref="WatchOptions.FromKey"/> must not be set.</param>
    /// <param name="cancellationToken">Ends the watch.</param>
    /// <returns>The responses, in revision order.</returns>
    /// <exception cref="ArgumentException"><paramref name="dir"/> is empty, or the options set a range of their own (thrown here, before the enumeration starts).</exception>
    public static IAsyncEnumerable<WatchResponse> WatchDirAsync(this IWatchClient watch, EtcdBytes dir, WatchOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(watch);
        var prefix = DirectoryPrefix.Of(dir, nameof(dir));
        if (options is { RangeEnd: not null } or { FromKey: true })
        {
            throw new ArgumentException("WatchDirAsync watches the directory's prefix: do not set RangeEnd or FromKey.", nameof(options));
        }

        return watch.WatchAsync(prefix, (options ?? Defaults.Watch) with { Prefix = true }, cancellationToken);
    }

    /// <summary>Deletes every key in a directory: a prefix delete of <c>dir + "/"</c>.</summary>
    /// <param name="kv">The KV client (or the <see cref="EtcdClient"/>).</param>
    /// <param name="dir">The directory; a trailing '/' is added when missing. Must not be empty.</param>
    /// <param name="prevKv">Return the deleted key-values in <see cref="DeleteResponse.PrevKvs"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The response; <see cref="DeleteResponse.Deleted"/> is the number of keys deleted.</returns>
    /// <exception cref="ArgumentException"><paramref name="dir"/> is empty.</exception>
    public static Task<DeleteResponse> RemoveDirAsync(this IKvClient kv, EtcdBytes dir, bool prevKv = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(kv);
        var prefix = DirectoryPrefix.Of(dir, nameof(dir));
        return kv.DeleteAsync(prefix, prevKv ? Defaults.DeleteWithPrevKv : Defaults.Delete, cancellationToken);
    }

    private static class Defaults
    {
        public static readonly ReadDirOptions ReadDir = new();
        public static readonly WatchOptions Watch = new();
        public static readonly DeleteOptions Delete = new() { Prefix = true };
        public static readonly DeleteOptions DeleteWithPrevKv = new() { Prefix = true, PrevKv = true };
    }
}
