namespace EtcdNet;

/// <summary>
/// What <c>etcdctl snapshot status</c> reports about a snapshot file, read from the file itself by
/// <see cref="EtcdSnapshotFile.ReadStatusAsync(string, CancellationToken)"/>.
/// </summary>
/// <param name="Hash">
/// CRC-32C (Castagnoli) over every bucket's name followed by each of its keys and values, in key order:
/// equal for two files that hold the same data.
/// </param>
/// <param name="Revision">The store revision: the main revision of the last key in etcd's <c>key</c> bucket (0 when it is empty).</param>
/// <param name="TotalKeys">The number of key/value entries in all buckets, etcd's own bookkeeping included.</param>
/// <param name="TotalSize">The size of the database in bytes: its high-water page count times its page size.</param>
public sealed record SnapshotFileStatus(uint Hash, long Revision, long TotalKeys, long TotalSize);
