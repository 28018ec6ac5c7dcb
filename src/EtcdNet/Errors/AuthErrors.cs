namespace EtcdNet;

/// <summary>Authentication cannot be enabled before the root user exists. etcd reports it as <c>etcdserver: root user does not exist</c>.</summary>
public sealed class EtcdRootUserNotExistException : EtcdException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The exception message.</param>
    /// <param name="serverMessage">The message etcd sent, or null when raised by the client.</param>
    /// <param name="endpoint">The endpoint that reported it, if known.</param>
    public EtcdRootUserNotExistException(string message, string? serverMessage = null, string? endpoint = null)
        : base(message, GrpcStatusCode.FailedPrecondition, serverMessage, endpoint) { }
}

/// <summary>Authentication cannot be enabled before the root user holds the root role. etcd reports it as <c>etcdserver: root user does not have root role</c>.</summary>
public sealed class EtcdRootRoleNotExistException : EtcdException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The exception message.</param>
    /// <param name="serverMessage">The message etcd sent, or null when raised by the client.</param>
    /// <param name="endpoint">The endpoint that reported it, if known.</param>
    public EtcdRootRoleNotExistException(string message, string? serverMessage = null, string? endpoint = null)
        : base(message, GrpcStatusCode.FailedPrecondition, serverMessage, endpoint) { }
}

/// <summary>A user with this name already exists. etcd reports it as <c>etcdserver: user name already exists</c>.</summary>
public sealed class EtcdUserAlreadyExistsException : EtcdException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The exception message.</param>
    /// <param name="serverMessage">The message etcd sent, or null when raised by the client.</param>
    /// <param name="endpoint">The endpoint that reported it, if known.</param>
    public EtcdUserAlreadyExistsException(string message, string? serverMessage = null, string? endpoint = null)
        : base(message, GrpcStatusCode.FailedPrecondition, serverMessage, endpoint) { }
}

/// <summary>The request carried no user name (often: a token is required but none was sent). etcd reports it as <c>etcdserver: user name is empty</c>.</summary>
public sealed class EtcdUserEmptyException : EtcdException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The exception message.</param>
    /// <param name="serverMessage">The message etcd sent, or null when raised by the client.</param>
    /// <param name="endpoint">The endpoint that reported it, if known.</param>
    public EtcdUserEmptyException(string message, string? serverMessage = null, string? endpoint = null)
        : base(message, GrpcStatusCode.InvalidArgument, serverMessage, endpoint) { }
}

/// <summary>No user has this name. etcd reports it as <c>etcdserver: user name not found</c>.</summary>
public sealed class EtcdUserNotFoundException : EtcdException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The exception message.</param>
    /// <param name="serverMessage">The message etcd sent, or null when raised by the client.</param>
    /// <param name="endpoint">The endpoint that reported it, if known.</param>
    public EtcdUserNotFoundException(string message, string? serverMessage = null, string? endpoint = null)
        : base(message, GrpcStatusCode.FailedPrecondition, serverMessage, endpoint) { }
}

/// <summary>A role with this name already exists. etcd reports it as <c>etcdserver: role name already exists</c>.</summary>
public sealed class EtcdRoleAlreadyExistsException : EtcdException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The exception message.</param>
    /// <param name="serverMessage">The message etcd sent, or null when raised by the client.</param>
    /// <param name="endpoint">The endpoint that reported it, if known.</param>
    public EtcdRoleAlreadyExistsException(string message, string? serverMessage = null, string? endpoint = null)
        : base(message, GrpcStatusCode.FailedPrecondition, serverMessage, endpoint) { }
}

/// <summary>No role has this name. etcd reports it as <c>etcdserver: role name not found</c>.</summary>
public sealed class EtcdRoleNotFoundException : EtcdException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The exception message.</param>
    /// <param name="serverMessage">The message etcd sent, or null when raised by the client.</param>
    /// <param name="endpoint">The endpoint that reported it, if known.</param>
    public EtcdRoleNotFoundException(string message, string? serverMessage = null, string? endpoint = null)
        : base(message, GrpcStatusCode.FailedPrecondition, serverMessage, endpoint) { }
}

/// <summary>The request carried no role name. etcd reports it as <c>etcdserver: role name is empty</c>.</summary>
public sealed class EtcdRoleEmptyException : EtcdException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The exception message.</param>
    /// <param name="serverMessage">The message etcd sent, or null when raised by the client.</param>
    /// <param name="endpoint">The endpoint that reported it, if known.</param>
    public EtcdRoleEmptyException(string message, string? serverMessage = null, string? endpoint = null)
        : base(message, GrpcStatusCode.InvalidArgument, serverMessage, endpoint) { }
}

/// <summary>The user name or password is wrong. etcd reports it as <c>etcdserver: authentication failed, invalid user ID or password</c>.</summary>
public sealed class EtcdAuthFailedException : EtcdException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The exception message.</param>
    /// <param name="serverMessage">The message etcd sent, or null when raised by the client.</param>
    /// <param name="endpoint">The endpoint that reported it, if known.</param>
    public EtcdAuthFailedException(string message, string? serverMessage = null, string? endpoint = null)
        : base(message, GrpcStatusCode.InvalidArgument, serverMessage, endpoint) { }
}

/// <summary>The authenticated user lacks permission for this operation. etcd reports it as <c>etcdserver: permission denied</c>.</summary>
public sealed class EtcdPermissionDeniedException : EtcdException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The exception message.</param>
    /// <param name="serverMessage">The message etcd sent, or null when raised by the client.</param>
    /// <param name="endpoint">The endpoint that reported it, if known.</param>
    public EtcdPermissionDeniedException(string message, string? serverMessage = null, string? endpoint = null)
        : base(message, GrpcStatusCode.PermissionDenied, serverMessage, endpoint) { }
}

/// <summary>The role is not granted to the user. etcd reports it as <c>etcdserver: role is not granted to the user</c>.</summary>
public sealed class EtcdRoleNotGrantedException : EtcdException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The exception message.</param>
    /// <param name="serverMessage">The message etcd sent, or null when raised by the client.</param>
    /// <param name="endpoint">The endpoint that reported it, if known.</param>
    public EtcdRoleNotGrantedException(string message, string? serverMessage = null, string? endpoint = null)
        : base(message, GrpcStatusCode.FailedPrecondition, serverMessage, endpoint) { }
}

/// <summary>The permission is not granted to the role. etcd reports it as <c>etcdserver: permission is not granted to the role</c>.</summary>
public sealed class EtcdPermissionNotGrantedException : EtcdException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The exception message.</param>
    /// <param name="serverMessage">The message etcd sent, or null when raised by the client.</param>
    /// <param name="endpoint">The endpoint that reported it, if known.</param>
    public EtcdPermissionNotGrantedException(string message, string? serverMessage = null, string? endpoint = null)
        : base(message, GrpcStatusCode.FailedPrecondition, serverMessage, endpoint) { }
}

/// <summary>Authentication is not enabled on the cluster. etcd reports it as <c>etcdserver: authentication is not enabled</c>.</summary>
public sealed class EtcdAuthNotEnabledException : EtcdException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The exception message.</param>
    /// <param name="serverMessage">The message etcd sent, or null when raised by the client.</param>
    /// <param name="endpoint">The endpoint that reported it, if known.</param>
    public EtcdAuthNotEnabledException(string message, string? serverMessage = null, string? endpoint = null)
        : base(message, GrpcStatusCode.FailedPrecondition, serverMessage, endpoint) { }
}

/// <summary>The auth token is invalid or expired. etcd reports it as <c>etcdserver: invalid auth token</c>.</summary>
public sealed class EtcdInvalidAuthTokenException : EtcdException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The exception message.</param>
    /// <param name="serverMessage">The message etcd sent, or null when raised by the client.</param>
    /// <param name="endpoint">The endpoint that reported it, if known.</param>
    public EtcdInvalidAuthTokenException(string message, string? serverMessage = null, string? endpoint = null)
        : base(message, GrpcStatusCode.Unauthenticated, serverMessage, endpoint) { }
}

/// <summary>The auth management request is invalid (for example, revoking root's root role). etcd reports it as <c>etcdserver: invalid auth management</c>.</summary>
public sealed class EtcdInvalidAuthManagementException : EtcdException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The exception message.</param>
    /// <param name="serverMessage">The message etcd sent, or null when raised by the client.</param>
    /// <param name="endpoint">The endpoint that reported it, if known.</param>
    public EtcdInvalidAuthManagementException(string message, string? serverMessage = null, string? endpoint = null)
        : base(message, GrpcStatusCode.InvalidArgument, serverMessage, endpoint) { }
}

/// <summary>The auth store changed after the token was issued; authenticate again. etcd reports it as <c>etcdserver: revision of auth store is old</c>.</summary>
public sealed class EtcdAuthOldRevisionException : EtcdException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The exception message.</param>
    /// <param name="serverMessage">The message etcd sent, or null when raised by the client.</param>
    /// <param name="endpoint">The endpoint that reported it, if known.</param>
    public EtcdAuthOldRevisionException(string message, string? serverMessage = null, string? endpoint = null)
        : base(message, GrpcStatusCode.InvalidArgument, serverMessage, endpoint) { }
}
