namespace EtcdNet.Resilience;

/// <summary>What went wrong with a call or a stream, in the terms the <see cref="FailurePolicy"/> decides on.</summary>
internal enum FailureKind
{
    /// <summary>The connection was refused (or the name did not resolve, or TLS failed): the request never left.</summary>
    Refused,
    /// <summary>No connection within the dial timeout, or a stream that stopped answering: an address that drops packets.</summary>
    BlackHole,
    /// <summary>The connection or stream broke after the request may have left.</summary>
    Reset,
    /// <summary>The member stopped answering HTTP/2 pings.</summary>
    KeepAliveTimeout,
    /// <summary>The member closed the connection on purpose (GOAWAY).</summary>
    GoAway,
    /// <summary>The peer answered, but is not an etcd gRPC server.</summary>
    NotEtcd,
    /// <summary>The member knows no leader (<c>etcdserver: no leader</c>).</summary>
    NoLeader,
    /// <summary>The leader changed while the request was served (<c>etcdserver: leader changed</c>).</summary>
    LeaderChanged,
    /// <summary>Any other temporary refusal (status Unavailable: server stopped, request timed out, unhealthy cluster).</summary>
    Unavailable,
    /// <summary>The client's user name or password is wrong.</summary>
    WrongCredentials,
    /// <summary>The token expired, is unknown, or predates a change of the auth store.</summary>
    StaleToken,
    /// <summary>The user may not do this.</summary>
    PermissionDenied,
    /// <summary>The server does not implement the RPC.</summary>
    Unimplemented,
    /// <summary>The revision asked for was compacted.</summary>
    Compacted,
    /// <summary>The request is larger than the client or the server accepts.</summary>
    RequestTooLarge,
    /// <summary>An answer that says the request itself is wrong (invalid argument, not found, failed precondition, out of range, ...).</summary>
    Rejected,
    /// <summary>The server failed in some other way (status Unknown, Internal, Cancelled, Aborted, DataLoss, ...).</summary>
    ServerError,
    /// <summary>The caller cancelled.</summary>
    CancelledByCaller,
    /// <summary>The call's deadline passed.</summary>
    Deadline,
}
