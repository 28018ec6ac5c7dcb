namespace EtcdNet;

/// <summary>The lease does not exist: it expired, was revoked, or never existed. etcd reports it as <c>etcdserver: requested lease not found</c>.</summary>
public sealed class EtcdLeaseNotFoundException : EtcdException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The exception message.</param>
    /// <param name="serverMessage">The message etcd sent, or null when raised by the client.</param>
    /// <param name="endpoint">The endpoint that reported it, if known.</param>
    public EtcdLeaseNotFoundException(string message, string? serverMessage = null, string? endpoint = null)
        : base(message, GrpcStatusCode.NotFound, serverMessage, endpoint) { }
}

/// <summary>A lease with the requested ID already exists. etcd reports it as <c>etcdserver: lease already exists</c>.</summary>
public sealed class EtcdLeaseExistsException : EtcdException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The exception message.</param>
    /// <param name="serverMessage">The message etcd sent, or null when raised by the client.</param>
    /// <param name="endpoint">The endpoint that reported it, if known.</param>
    public EtcdLeaseExistsException(string message, string? serverMessage = null, string? endpoint = null)
        : base(message, GrpcStatusCode.FailedPrecondition, serverMessage, endpoint) { }
}

/// <summary>The requested lease TTL is larger than the server allows. etcd reports it as <c>etcdserver: too large lease TTL</c>.</summary>
public sealed class EtcdLeaseTtlTooLargeException : EtcdException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The exception message.</param>
    /// <param name="serverMessage">The message etcd sent, or null when raised by the client.</param>
    /// <param name="endpoint">The endpoint that reported it, if known.</param>
    public EtcdLeaseTtlTooLargeException(string message, string? serverMessage = null, string? endpoint = null)
        : base(message, GrpcStatusCode.OutOfRange, serverMessage, endpoint) { }
}
