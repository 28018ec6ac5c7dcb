namespace EtcdNet.Errors;

/// <summary>
/// etcd's server errors: the message each one carries on the wire, its status code, and the
/// exception type that represents it. The one place that maps server errors to exceptions.
/// </summary>
internal static class EtcdErrorCatalog
{
    private static readonly Dictionary<string, Func<string, string?, EtcdException>> Factories = new(StringComparer.Ordinal)
    {
        ["etcdserver: key is not provided"] = static (msg, ep) => new EtcdEmptyKeyException(msg, msg, ep),
        ["etcdserver: key not found"] = static (msg, ep) => new EtcdKeyNotFoundException(msg, msg, ep),
        ["etcdserver: value is provided"] = static (msg, ep) => new EtcdValueProvidedException(msg, msg, ep),
        ["etcdserver: lease is provided"] = static (msg, ep) => new EtcdLeaseProvidedException(msg, msg, ep),
        ["etcdserver: too many operations in txn request"] = static (msg, ep) => new EtcdTooManyOpsException(msg, msg, ep),
        ["etcdserver: duplicate key given in txn request"] = static (msg, ep) => new EtcdDuplicateKeyException(msg, msg, ep),
        ["etcdserver: mvcc: required revision is a future revision"] = static (msg, ep) => new EtcdFutureRevisionException(msg, msg, ep),
        ["etcdserver: mvcc: database space exceeded"] = static (msg, ep) => new EtcdNoSpaceException(msg, msg, ep),
        ["etcdserver: request is too large"] = static (msg, ep) => new EtcdRequestTooLargeException(msg, msg, ep),
        ["etcdserver: requested lease not found"] = static (msg, ep) => new EtcdLeaseNotFoundException(msg, msg, ep),
        ["etcdserver: lease already exists"] = static (msg, ep) => new EtcdLeaseExistsException(msg, msg, ep),
        ["etcdserver: too large lease TTL"] = static (msg, ep) => new EtcdLeaseTtlTooLargeException(msg, msg, ep),
        ["etcdserver: watch canceled"] = static (msg, ep) => new EtcdWatchCanceledException(msg, msg, ep),
        ["etcdserver: member ID already exist"] = static (msg, ep) => new EtcdMemberExistsException(msg, msg, ep),
        ["etcdserver: Peer URLs already exists"] = static (msg, ep) => new EtcdPeerUrlExistsException(msg, msg, ep),
        ["etcdserver: re-configuration failed due to not enough started members"] = static (msg, ep) => new EtcdMemberNotEnoughStartedException(msg, msg, ep),
        ["etcdserver: given member URLs are invalid"] = static (msg, ep) => new EtcdMemberBadUrlsException(msg, msg, ep),
        ["etcdserver: member not found"] = static (msg, ep) => new EtcdMemberNotFoundException(msg, msg, ep),
        ["etcdserver: can only promote a learner member"] = static (msg, ep) => new EtcdMemberNotLearnerException(msg, msg, ep),
        ["etcdserver: can only promote a learner member which is in sync with leader"] = static (msg, ep) => new EtcdLearnerNotReadyException(msg, msg, ep),
        ["etcdserver: too many learner members in cluster"] = static (msg, ep) => new EtcdTooManyLearnersException(msg, msg, ep),
        ["etcdserver: not leader"] = static (msg, ep) => new EtcdNotLeaderException(msg, msg, ep),
        ["etcdserver: bad leader transferee"] = static (msg, ep) => new EtcdBadLeaderTransfereeException(msg, msg, ep),
        ["etcdserver: root user does not exist"] = static (msg, ep) => new EtcdRootUserNotExistException(msg, msg, ep),
        ["etcdserver: root user does not have root role"] = static (msg, ep) => new EtcdRootRoleNotExistException(msg, msg, ep),
        ["etcdserver: user name already exists"] = static (msg, ep) => new EtcdUserAlreadyExistsException(msg, msg, ep),
        ["etcdserver: user name is empty"] = static (msg, ep) => new EtcdUserEmptyException(msg, msg, ep),
        ["etcdserver: user name not found"] = static (msg, ep) => new EtcdUserNotFoundException(msg, msg, ep),
        ["etcdserver: role name already exists"] = static (msg, ep) => new EtcdRoleAlreadyExistsException(msg, msg, ep),
        ["etcdserver: role name not found"] = static (msg, ep) => new EtcdRoleNotFoundException(msg, msg, ep),
        ["etcdserver: role name is empty"] = static (msg, ep) => new EtcdRoleEmptyException(msg, msg, ep),
        ["etcdserver: authentication failed, invalid user ID or password"] = static (msg, ep) => new EtcdAuthFailedException(msg, msg, ep),
        ["etcdserver: permission denied"] = static (msg, ep) => new EtcdPermissionDeniedException(msg, msg, ep),
        ["etcdserver: role is not granted to the user"] = static (msg, ep) => new EtcdRoleNotGrantedException(msg, msg, ep),
        ["etcdserver: permission is not granted to the role"] = static (msg, ep) => new EtcdPermissionNotGrantedException(msg, msg, ep),
        ["etcdserver: authentication is not enabled"] = static (msg, ep) => new EtcdAuthNotEnabledException(msg, msg, ep),
        ["etcdserver: invalid auth token"] = static (msg, ep) => new EtcdInvalidAuthTokenException(msg, msg, ep),
        ["etcdserver: invalid auth management"] = static (msg, ep) => new EtcdInvalidAuthManagementException(msg, msg, ep),
        ["etcdserver: revision of auth store is old"] = static (msg, ep) => new EtcdAuthOldRevisionException(msg, msg, ep),
        ["etcdserver: no leader"] = static (msg, ep) => new EtcdNoLeaderException(msg, msg, ep),
        ["etcdserver: leader changed"] = static (msg, ep) => new EtcdLeaderChangedException(msg, msg, ep),
        ["etcdserver: not capable"] = static (msg, ep) => new EtcdNotCapableException(msg, msg, ep),
        ["etcdserver: server stopped"] = static (msg, ep) => new EtcdServerStoppedException(msg, msg, ep),
        ["etcdserver: request timed out"] = static (msg, ep) => new EtcdServerTimeoutException(msg, msg, ep),
        ["etcdserver: request timed out, possibly due to previous leader failure"] = static (msg, ep) => new EtcdServerTimeoutException(msg, msg, ep),
        ["etcdserver: request timed out, possibly due to connection lost"] = static (msg, ep) => new EtcdServerTimeoutException(msg, msg, ep),
        ["etcdserver: request timed out, waiting for the applied index took too long"] = static (msg, ep) => new EtcdServerTimeoutException(msg, msg, ep),
        ["etcdserver: unhealthy cluster"] = static (msg, ep) => new EtcdUnhealthyClusterException(msg, msg, ep),
        ["etcdserver: too many requests"] = static (msg, ep) => new EtcdTooManyRequestsException(msg, msg, ep),
        ["etcdserver: corrupt cluster"] = static (msg, ep) => new EtcdCorruptClusterException(msg, msg, ep),
    };

    /// <summary>The number of server messages the catalog knows.</summary>
    public static int Count => Factories.Count;

    /// <summary>
    /// Strips the "rpc error: code = X desc = " wrapper etcd puts around some messages it forwards as
    /// text (for example a watch's cancel reason), leaving etcd's own message.
    /// </summary>
    public static string Normalize(string message)
    {
        const string Wrapper = "rpc error: code = ";
        const string Desc = " desc = ";
        if (message.StartsWith(Wrapper, StringComparison.Ordinal))
        {
            var at = message.IndexOf(Desc, StringComparison.Ordinal);
            if (at >= 0)
            {
                return message[(at + Desc.Length)..];
            }
        }

        return message;
    }

    /// <summary>Returns the typed exception for a server message, or null when the message is not in the catalog.</summary>
    public static EtcdException? TryCreate(string? serverMessage, string? endpoint)
        => serverMessage is not null && Factories.TryGetValue(serverMessage, out var factory) ? factory(serverMessage, endpoint) : null;
}
