namespace EtcdNet;

/// <summary>The member has no leader (an election is under way or quorum is lost). etcd reports it as <c>etcdserver: no leader</c>.</summary>
public sealed class EtcdNoLeaderException : EtcdException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The exception message.</param>
    /// <param name="serverMessage">The message etcd sent, or null when raised by the client.</param>
    /// <param name="endpoint">The endpoint that reported it, if known.</param>
    public EtcdNoLeaderException(string message, string? serverMessage = null, string? endpoint = null)
        : base(message, GrpcStatusCode.Unavailable, serverMessage, endpoint) { }
}

/// <summary>The leader changed while the request was in progress; its outcome is unknown for writes. etcd reports it as <c>etcdserver: leader changed</c>.</summary>
public sealed class EtcdLeaderChangedException : EtcdException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The exception message.</param>
    /// <param name="serverMessage">The message etcd sent, or null when raised by the client.</param>
    /// <param name="endpoint">The endpoint that reported it, if known.</param>
    public EtcdLeaderChangedException(string message, string? serverMessage = null, string? endpoint = null)
        : base(message, GrpcStatusCode.Unavailable, serverMessage, endpoint) { }
}

/// <summary>The cluster version does not support this operation yet. etcd reports it as <c>etcdserver: not capable</c>.</summary>
public sealed class EtcdNotCapableException : EtcdException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The exception message.</param>
    /// <param name="serverMessage">The message etcd sent, or null when raised by the client.</param>
    /// <param name="endpoint">The endpoint that reported it, if known.</param>
    public EtcdNotCapableException(string message, string? serverMessage = null, string? endpoint = null)
        : base(message, GrpcStatusCode.Unavailable, serverMessage, endpoint) { }
}

/// <summary>The member is stopping. etcd reports it as <c>etcdserver: server stopped</c>.</summary>
public sealed class EtcdServerStoppedException : EtcdException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The exception message.</param>
    /// <param name="serverMessage">The message etcd sent, or null when raised by the client.</param>
    /// <param name="endpoint">The endpoint that reported it, if known.</param>
    public EtcdServerStoppedException(string message, string? serverMessage = null, string? endpoint = null)
        : base(message, GrpcStatusCode.Unavailable, serverMessage, endpoint) { }
}

/// <summary>The server gave up waiting for the request to be committed; its outcome is unknown for writes. etcd reports it as <c>etcdserver: request timed out</c>.</summary>
public sealed class EtcdServerTimeoutException : EtcdException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The exception message.</param>
    /// <param name="serverMessage">The message etcd sent, or null when raised by the client.</param>
    /// <param name="endpoint">The endpoint that reported it, if known.</param>
    public EtcdServerTimeoutException(string message, string? serverMessage = null, string? endpoint = null)
        : base(message, GrpcStatusCode.Unavailable, serverMessage, endpoint) { }
}

/// <summary>The cluster is unhealthy (for example, too few members are connected). etcd reports it as <c>etcdserver: unhealthy cluster</c>.</summary>
public sealed class EtcdUnhealthyClusterException : EtcdException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The exception message.</param>
    /// <param name="serverMessage">The message etcd sent, or null when raised by the client.</param>
    /// <param name="endpoint">The endpoint that reported it, if known.</param>
    public EtcdUnhealthyClusterException(string message, string? serverMessage = null, string? endpoint = null)
        : base(message, GrpcStatusCode.Unavailable, serverMessage, endpoint) { }
}

/// <summary>The server is overloaded: too many requests are waiting to be applied. etcd reports it as <c>etcdserver: too many requests</c>.</summary>
public sealed class EtcdTooManyRequestsException : EtcdException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The exception message.</param>
    /// <param name="serverMessage">The message etcd sent, or null when raised by the client.</param>
    /// <param name="endpoint">The endpoint that reported it, if known.</param>
    public EtcdTooManyRequestsException(string message, string? serverMessage = null, string? endpoint = null)
        : base(message, GrpcStatusCode.ResourceExhausted, serverMessage, endpoint) { }
}

/// <summary>The cluster detected data corruption. etcd reports it as <c>etcdserver: corrupt cluster</c>.</summary>
public sealed class EtcdCorruptClusterException : EtcdException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The exception message.</param>
    /// <param name="serverMessage">The message etcd sent, or null when raised by the client.</param>
    /// <param name="endpoint">The endpoint that reported it, if known.</param>
    public EtcdCorruptClusterException(string message, string? serverMessage = null, string? endpoint = null)
        : base(message, GrpcStatusCode.DataLoss, serverMessage, endpoint) { }
}
