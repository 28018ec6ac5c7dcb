namespace EtcdNet;

/// <summary>A member with this ID already exists. etcd reports it as <c>etcdserver: member ID already exist</c>.</summary>
public sealed class EtcdMemberExistsException : EtcdException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The exception message.</param>
    /// <param name="serverMessage">The message etcd sent, or null when raised by the client.</param>
    /// <param name="endpoint">The endpoint that reported it, if known.</param>
    public EtcdMemberExistsException(string message, string? serverMessage = null, string? endpoint = null)
        : base(message, GrpcStatusCode.FailedPrecondition, serverMessage, endpoint) { }
}

/// <summary>Another member already uses these peer URLs. etcd reports it as <c>etcdserver: Peer URLs already exists</c>.</summary>
public sealed class EtcdPeerUrlExistsException : EtcdException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The exception message.</param>
    /// <param name="serverMessage">The message etcd sent, or null when raised by the client.</param>
    /// <param name="endpoint">The endpoint that reported it, if known.</param>
    public EtcdPeerUrlExistsException(string message, string? serverMessage = null, string? endpoint = null)
        : base(message, GrpcStatusCode.FailedPrecondition, serverMessage, endpoint) { }
}

/// <summary>The reconfiguration would leave too few started members for a quorum. etcd reports it as <c>etcdserver: re-configuration failed due to not enough started members</c>.</summary>
public sealed class EtcdMemberNotEnoughStartedException : EtcdException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The exception message.</param>
    /// <param name="serverMessage">The message etcd sent, or null when raised by the client.</param>
    /// <param name="endpoint">The endpoint that reported it, if known.</param>
    public EtcdMemberNotEnoughStartedException(string message, string? serverMessage = null, string? endpoint = null)
        : base(message, GrpcStatusCode.FailedPrecondition, serverMessage, endpoint) { }
}

/// <summary>The given member URLs are not valid. etcd reports it as <c>etcdserver: given member URLs are invalid</c>.</summary>
public sealed class EtcdMemberBadUrlsException : EtcdException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The exception message.</param>
    /// <param name="serverMessage">The message etcd sent, or null when raised by the client.</param>
    /// <param name="endpoint">The endpoint that reported it, if known.</param>
    public EtcdMemberBadUrlsException(string message, string? serverMessage = null, string? endpoint = null)
        : base(message, GrpcStatusCode.InvalidArgument, serverMessage, endpoint) { }
}

/// <summary>No member has the given ID. etcd reports it as <c>etcdserver: member not found</c>.</summary>
public sealed class EtcdMemberNotFoundException : EtcdException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The exception message.</param>
    /// <param name="serverMessage">The message etcd sent, or null when raised by the client.</param>
    /// <param name="endpoint">The endpoint that reported it, if known.</param>
    public EtcdMemberNotFoundException(string message, string? serverMessage = null, string? endpoint = null)
        : base(message, GrpcStatusCode.NotFound, serverMessage, endpoint) { }
}

/// <summary>Only a learner can be promoted. etcd reports it as <c>etcdserver: can only promote a learner member</c>.</summary>
public sealed class EtcdMemberNotLearnerException : EtcdException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The exception message.</param>
    /// <param name="serverMessage">The message etcd sent, or null when raised by the client.</param>
    /// <param name="endpoint">The endpoint that reported it, if known.</param>
    public EtcdMemberNotLearnerException(string message, string? serverMessage = null, string? endpoint = null)
        : base(message, GrpcStatusCode.FailedPrecondition, serverMessage, endpoint) { }
}

/// <summary>The learner has not caught up with the leader yet. etcd reports it as <c>etcdserver: can only promote a learner member which is in sync with leader</c>.</summary>
public sealed class EtcdLearnerNotReadyException : EtcdException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The exception message.</param>
    /// <param name="serverMessage">The message etcd sent, or null when raised by the client.</param>
    /// <param name="endpoint">The endpoint that reported it, if known.</param>
    public EtcdLearnerNotReadyException(string message, string? serverMessage = null, string? endpoint = null)
        : base(message, GrpcStatusCode.FailedPrecondition, serverMessage, endpoint) { }
}

/// <summary>The cluster already has the maximum number of learners. etcd reports it as <c>etcdserver: too many learner members in cluster</c>.</summary>
public sealed class EtcdTooManyLearnersException : EtcdException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The exception message.</param>
    /// <param name="serverMessage">The message etcd sent, or null when raised by the client.</param>
    /// <param name="endpoint">The endpoint that reported it, if known.</param>
    public EtcdTooManyLearnersException(string message, string? serverMessage = null, string? endpoint = null)
        : base(message, GrpcStatusCode.FailedPrecondition, serverMessage, endpoint) { }
}

/// <summary>The operation must run on the leader. etcd reports it as <c>etcdserver: not leader</c>.</summary>
public sealed class EtcdNotLeaderException : EtcdException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The exception message.</param>
    /// <param name="serverMessage">The message etcd sent, or null when raised by the client.</param>
    /// <param name="endpoint">The endpoint that reported it, if known.</param>
    public EtcdNotLeaderException(string message, string? serverMessage = null, string? endpoint = null)
        : base(message, GrpcStatusCode.FailedPrecondition, serverMessage, endpoint) { }
}

/// <summary>The member chosen as the new leader cannot take leadership. etcd reports it as <c>etcdserver: bad leader transferee</c>.</summary>
public sealed class EtcdBadLeaderTransfereeException : EtcdException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The exception message.</param>
    /// <param name="serverMessage">The message etcd sent, or null when raised by the client.</param>
    /// <param name="endpoint">The endpoint that reported it, if known.</param>
    public EtcdBadLeaderTransfereeException(string message, string? serverMessage = null, string? endpoint = null)
        : base(message, GrpcStatusCode.FailedPrecondition, serverMessage, endpoint) { }
}
