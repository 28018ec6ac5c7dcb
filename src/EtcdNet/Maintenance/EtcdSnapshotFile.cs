using EtcdNet.Maintenance.Snapshot;

namespace EtcdNet;

/// <summary>
/// Reads an etcd snapshot file (what <see cref="IMaintenanceClient.SnapshotAsync"/> and
/// <c>etcdctl snapshot save</c> write, or a stopped member's <c>member/snap/db</c>) without a server.
/// The file is a bbolt database, read directly, page by page.
/// </summary>
/// <remarks>
/// <para>
/// Like <c>etcdctl snapshot status</c>, reading checks the file first and fails with a
/// <see cref="SnapshotFileException"/> rather than return figures from a damaged file. The check covers:
/// the meta pages (magic number, format version 2, FNV-1a checksum; the valid one with the higher
/// transaction id is used); the file's length against the page count the meta page gives; every
/// page of every bucket (nested ones included) having an id inside the database and not being a meta
/// page, its header naming that id, being a branch or leaf page, and being reached only once (so a cycle
/// is reported at once, not followed); every element, key and value lying inside its page; and, when the
/// file stores a free list, no page freed twice, no reachable page free and no page neither reachable
/// nor free. It does not check that keys are sorted or that branch keys match their children, which
/// bbolt's own check does not either.
/// </para>
/// <para>The file is read page by page; memory use is one bit per page plus the largest page.</para>
/// </remarks>
public static class EtcdSnapshotFile
{
    /// <summary>Reads the status of the snapshot file at <paramref name="path"/>.</summary>
    /// <param name="path">The snapshot file.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The hash, revision, key count and size that <c>etcdctl snapshot status</c> prints.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    /// <exception cref="DirectoryNotFoundException">A directory on the path does not exist.</exception>
    /// <exception cref="UnauthorizedAccessException">The file cannot be opened for reading (or is a directory).</exception>
    /// <exception cref="SnapshotFileException">The file is not a bbolt database, is truncated, or fails the integrity check.</exception>
    /// <exception cref="IOException">The file cannot be read, or a running etcd member holds its lock.</exception>
    public static async Task<SnapshotFileStatus> ReadStatusAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var stream = new FileStream(path, new FileStreamOptions
        {
            Mode = FileMode.Open,
            Access = FileAccess.Read,
            Share = FileShare.ReadWrite,
            BufferSize = 0,
            Options = FileOptions.Asynchronous | FileOptions.RandomAccess,
        });
        await using (stream.ConfigureAwait(false))
        {
            return await SnapshotStatusReader.ReadAsync(stream, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Reads the status of the snapshot held in <paramref name="stream"/>, from its beginning.</summary>
    /// <param name="stream">A readable, seekable stream whose first byte is the first byte of the database; it is left open.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The hash, revision, key count and size that <c>etcdctl snapshot status</c> prints.</returns>
    /// <exception cref="ArgumentException"><paramref name="stream"/> cannot read or seek.</exception>
    /// <exception cref="SnapshotFileException">The data is not a bbolt database, is truncated, or fails the integrity check.</exception>
    public static Task<SnapshotFileStatus> ReadStatusAsync(Stream stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanRead || !stream.CanSeek)
        {
            throw new ArgumentException("The stream must support reading and seeking.", nameof(stream));
        }

        return SnapshotStatusReader.ReadAsync(stream, cancellationToken);
    }
}
