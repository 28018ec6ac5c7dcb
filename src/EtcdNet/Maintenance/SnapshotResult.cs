namespace EtcdNet;

/// <summary>The result of streaming a snapshot of the backend database into a stream (etcd Snapshot).</summary>
public sealed class SnapshotResult
{
    internal SnapshotResult(ResponseHeader header, long bytesWritten, string endpoint)
    {
        Header = header;
        BytesWritten = bytesWritten;
        Endpoint = endpoint;
    }

    /// <summary>
    /// The header of the first message that carried one; <see cref="ResponseHeader.Revision"/> is the
    /// store revision of the snapshot. etcd before 3.5 sends no header: then all zero.
    /// </summary>
    public ResponseHeader Header { get; }

    /// <summary>The bytes written: the database followed by its 32-byte SHA-256 (the format <c>etcdctl snapshot save</c> writes).</summary>
    public long BytesWritten { get; }

    /// <summary>The endpoint the snapshot was taken from.</summary>
    public string Endpoint { get; }
}
