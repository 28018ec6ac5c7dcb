namespace EtcdNet;

/// <summary>The request named no key: etcd requires a non-empty key. etcd reports it as <c>etcdserver: key is not provided</c>.</summary>
public sealed class EtcdEmptyKeyException : EtcdException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The exception message.</param>
    /// <param name="serverMessage">The message etcd sent, or null when raised by the client.</param>
    /// <param name="endpoint">The endpoint that reported it, if known.</param>
    public EtcdEmptyKeyException(string message, string? serverMessage = null, string? endpoint = null)
        : base(message, GrpcStatusCode.InvalidArgument, serverMessage, endpoint) { }
}

/// <summary>A put with IgnoreValue or IgnoreLease named a key that does not exist. etcd reports it as <c>etcdserver: key not found</c>.</summary>
public sealed class EtcdKeyNotFoundException : EtcdException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The exception message.</param>
    /// <param name="serverMessage">The message etcd sent, or null when raised by the client.</param>
    /// <param name="endpoint">The endpoint that reported it, if known.</param>
    public EtcdKeyNotFoundException(string message, string? serverMessage = null, string? endpoint = null)
        : base(message, GrpcStatusCode.InvalidArgument, serverMessage, endpoint) { }
}

/// <summary>A put with IgnoreValue also carried a value. etcd reports it as <c>etcdserver: value is provided</c>.</summary>
public sealed class EtcdValueProvidedException : EtcdException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The exception message.</param>
    /// <param name="serverMessage">The message etcd sent, or null when raised by the client.</param>
    /// <param name="endpoint">The endpoint that reported it, if known.</param>
    public EtcdValueProvidedException(string message, string? serverMessage = null, string? endpoint = null)
        : base(message, GrpcStatusCode.InvalidArgument, serverMessage, endpoint) { }
}

/// <summary>A put with IgnoreLease also carried a lease. etcd reports it as <c>etcdserver: lease is provided</c>.</summary>
public sealed class EtcdLeaseProvidedException : EtcdException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The exception message.</param>
    /// <param name="serverMessage">The message etcd sent, or null when raised by the client.</param>
    /// <param name="endpoint">The endpoint that reported it, if known.</param>
    public EtcdLeaseProvidedException(string message, string? serverMessage = null, string? endpoint = null)
        : base(message, GrpcStatusCode.InvalidArgument, serverMessage, endpoint) { }
}

/// <summary>A transaction held more operations than the server allows (128 by default, <c>--max-txn-ops</c>). etcd reports it as <c>etcdserver: too many operations in txn request</c>.</summary>
public sealed class EtcdTooManyOpsException : EtcdException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The exception message.</param>
    /// <param name="serverMessage">The message etcd sent, or null when raised by the client.</param>
    /// <param name="endpoint">The endpoint that reported it, if known.</param>
    public EtcdTooManyOpsException(string message, string? serverMessage = null, string? endpoint = null)
        : base(message, GrpcStatusCode.InvalidArgument, serverMessage, endpoint) { }
}

/// <summary>A transaction wrote the same key more than once in one branch. etcd reports it as <c>etcdserver: duplicate key given in txn request</c>.</summary>
public sealed class EtcdDuplicateKeyException : EtcdException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The exception message.</param>
    /// <param name="serverMessage">The message etcd sent, or null when raised by the client.</param>
    /// <param name="endpoint">The endpoint that reported it, if known.</param>
    public EtcdDuplicateKeyException(string message, string? serverMessage = null, string? endpoint = null)
        : base(message, GrpcStatusCode.InvalidArgument, serverMessage, endpoint) { }
}

/// <summary>The requested revision is newer than the store's current revision. etcd reports it as <c>etcdserver: mvcc: required revision is a future revision</c>.</summary>
public sealed class EtcdFutureRevisionException : EtcdException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The exception message.</param>
    /// <param name="serverMessage">The message etcd sent, or null when raised by the client.</param>
    /// <param name="endpoint">The endpoint that reported it, if known.</param>
    public EtcdFutureRevisionException(string message, string? serverMessage = null, string? endpoint = null)
        : base(message, GrpcStatusCode.OutOfRange, serverMessage, endpoint) { }
}

/// <summary>The backend database exceeded its quota; compact, defragment and disarm the alarm. etcd reports it as <c>etcdserver: mvcc: database space exceeded</c>.</summary>
public sealed class EtcdNoSpaceException : EtcdException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The exception message.</param>
    /// <param name="serverMessage">The message etcd sent, or null when raised by the client.</param>
    /// <param name="endpoint">The endpoint that reported it, if known.</param>
    public EtcdNoSpaceException(string message, string? serverMessage = null, string? endpoint = null)
        : base(message, GrpcStatusCode.ResourceExhausted, serverMessage, endpoint) { }
}

/// <summary>The request exceeded the server's (<c>--max-request-bytes</c>, 1.5 MiB by default) or the client's send limit. etcd reports it as <c>etcdserver: request is too large</c>.</summary>
public sealed class EtcdRequestTooLargeException : EtcdException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The exception message.</param>
    /// <param name="serverMessage">The message etcd sent, or null when raised by the client.</param>
    /// <param name="endpoint">The endpoint that reported it, if known.</param>
    public EtcdRequestTooLargeException(string message, string? serverMessage = null, string? endpoint = null)
        : base(message, GrpcStatusCode.InvalidArgument, serverMessage, endpoint) { }
}
