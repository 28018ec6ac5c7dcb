namespace EtcdNet;

/// <summary>
/// The requested revision has been compacted away. <see cref="CompactRevision"/> is the oldest
/// revision still available: read or watch from it (or later) instead.
/// etcd reports it as <c>etcdserver: mvcc: required revision has been compacted</c>.
/// </summary>
public sealed class EtcdCompactedException : EtcdException
{
    internal const string WireMessage = "etcdserver: mvcc: required revision has been compacted";

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The exception message.</param>
    /// <param name="compactRevision">The store's compact revision, or 0 when it could not be learned.</param>
    /// <param name="serverMessage">The message etcd sent, if any.</param>
    /// <param name="endpoint">The endpoint that reported it, if known.</param>
    public EtcdCompactedException(string message, long compactRevision, string? serverMessage = null, string? endpoint = null)
        : base(message, GrpcStatusCode.OutOfRange, serverMessage, endpoint)
    {
        CompactRevision = compactRevision;
    }

    /// <summary>The store's compact revision: revisions below it are gone. 0 when it could not be learned.</summary>
    public long CompactRevision { get; }
}
