using EtcdNet.Errors;

namespace EtcdNet.UnitTests;

public class EtcdErrorCatalogTests
{
    public static TheoryData<string, Type, GrpcStatusCode> Entries => new()
    {
        { "etcdserver: key is not provided", typeof(EtcdEmptyKeyException), GrpcStatusCode.InvalidArgument },
        { "etcdserver: key not found", typeof(EtcdKeyNotFoundException), GrpcStatusCode.InvalidArgument },
        { "etcdserver: value is provided", typeof(EtcdValueProvidedException), GrpcStatusCode.InvalidArgument },
        { "etcdserver: lease is provided", typeof(EtcdLeaseProvidedException), GrpcStatusCode.InvalidArgument },
        { "etcdserver: too many operations in txn request", typeof(EtcdTooManyOpsException), GrpcStatusCode.InvalidArgument },
        { "etcdserver: duplicate key given in txn request", typeof(EtcdDuplicateKeyException), GrpcStatusCode.InvalidArgument },
        { "etcdserver: mvcc: required revision is a future revision", typeof(EtcdFutureRevisionException), GrpcStatusCode.OutOfRange },
        { "etcdserver: mvcc: database space exceeded", typeof(EtcdNoSpaceException), GrpcStatusCode.ResourceExhausted },
        { "etcdserver: request is too large", typeof(EtcdRequestTooLargeException), GrpcStatusCode.InvalidArgument },
        { "etcdserver: requested lease not found", typeof(EtcdLeaseNotFoundException), GrpcStatusCode.NotFound },
        { "etcdserver: lease already exists", typeof(EtcdLeaseExistsException), GrpcStatusCode.FailedPrecondition },
        { "etcdserver: too large lease TTL", typeof(EtcdLeaseTtlTooLargeException), GrpcStatusCode.OutOfRange },
        { "etcdserver: watch canceled", typeof(EtcdWatchCanceledException), GrpcStatusCode.Cancelled },
        { "etcdserver: member ID already exist", typeof(EtcdMemberExistsException), GrpcStatusCode.FailedPrecondition },
        { "etcdserver: Peer URLs already exists", typeof(EtcdPeerUrlExistsException), GrpcStatusCode.FailedPrecondition },
        { "etcdserver: re-configuration failed due to not enough started members", typeof(EtcdMemberNotEnoughStartedException), GrpcStatusCode.FailedPrecondition },
        { "etcdserver: given member URLs are invalid", typeof(EtcdMemberBadUrlsException), GrpcStatusCode.InvalidArgument },
        { "etcdserver: member not found", typeof(EtcdMemberNotFoundException), GrpcStatusCode.NotFound },
        { "etcdserver: can only promote a learner member", typeof(EtcdMemberNotLearnerException), GrpcStatusCode.FailedPrecondition },
        { "etcdserver: can only promote a learner member which is in sync with leader", typeof(EtcdLearnerNotReadyException), GrpcStatusCode.FailedPrecondition },
        { "etcdserver: too many learner members in cluster", typeof(EtcdTooManyLearnersException), GrpcStatusCode.FailedPrecondition },
        { "etcdserver: not leader", typeof(EtcdNotLeaderException), GrpcStatusCode.FailedPrecondition },
        { "etcdserver: bad leader transferee", typeof(EtcdBadLeaderTransfereeException), GrpcStatusCode.FailedPrecondition },
        { "etcdserver: root user does not exist", typeof(EtcdRootUserNotExistException), GrpcStatusCode.FailedPrecondition },
        { "etcdserver: root user does not have root role", typeof(EtcdRootRoleNotExistException), GrpcStatusCode.FailedPrecondition },
        { "etcdserver: user name already exists", typeof(EtcdUserAlreadyExistsException), GrpcStatusCode.FailedPrecondition },
        { "etcdserver: user name is empty", typeof(EtcdUserEmptyException), GrpcStatusCode.InvalidArgument },
        { "etcdserver: user name not found", typeof(EtcdUserNotFoundException), GrpcStatusCode.FailedPrecondition },
        { "etcdserver: role name already exists", typeof(EtcdRoleAlreadyExistsException), GrpcStatusCode.FailedPrecondition },
        { "etcdserver: role name not found", typeof(EtcdRoleNotFoundException), GrpcStatusCode.FailedPrecondition },
        { "etcdserver: role name is empty", typeof(EtcdRoleEmptyException), GrpcStatusCode.InvalidArgument },
        { "etcdserver: authentication failed, invalid user ID or password", typeof(EtcdAuthFailedException), GrpcStatusCode.InvalidArgument },
        { "etcdserver: permission denied", typeof(EtcdPermissionDeniedException), GrpcStatusCode.PermissionDenied },
        { "etcdserver: role is not granted to the user", typeof(EtcdRoleNotGrantedException), GrpcStatusCode.FailedPrecondition },
        { "etcdserver: permission is not granted to the role", typeof(EtcdPermissionNotGrantedException), GrpcStatusCode.FailedPrecondition },
        { "etcdserver: authentication is not enabled", typeof(EtcdAuthNotEnabledException), GrpcStatusCode.FailedPrecondition },
        { "etcdserver: invalid auth token", typeof(EtcdInvalidAuthTokenException), GrpcStatusCode.Unauthenticated },
        { "etcdserver: invalid auth management", typeof(EtcdInvalidAuthManagementException), GrpcStatusCode.InvalidArgument },
        { "etcdserver: revision of auth store is old", typeof(EtcdAuthOldRevisionException), GrpcStatusCode.InvalidArgument },
        { "etcdserver: no leader", typeof(EtcdNoLeaderException), GrpcStatusCode.Unavailable },
        { "etcdserver: leader changed", typeof(EtcdLeaderChangedException), GrpcStatusCode.Unavailable },
        { "etcdserver: not capable", typeof(EtcdNotCapableException), GrpcStatusCode.Unavailable },
        { "etcdserver: server stopped", typeof(EtcdServerStoppedException), GrpcStatusCode.Unavailable },
        { "etcdserver: request timed out", typeof(EtcdServerTimeoutException), GrpcStatusCode.Unavailable },
        { "etcdserver: request timed out, possibly due to previous leader failure", typeof(EtcdServerTimeoutException), GrpcStatusCode.Unavailable },
        { "etcdserver: request timed out, possibly due to connection lost", typeof(EtcdServerTimeoutException), GrpcStatusCode.Unavailable },
        { "etcdserver: request timed out, waiting for the applied index took too long", typeof(EtcdServerTimeoutException), GrpcStatusCode.Unavailable },
        { "etcdserver: unhealthy cluster", typeof(EtcdUnhealthyClusterException), GrpcStatusCode.Unavailable },
        { "etcdserver: too many requests", typeof(EtcdTooManyRequestsException), GrpcStatusCode.ResourceExhausted },
        { "etcdserver: corrupt cluster", typeof(EtcdCorruptClusterException), GrpcStatusCode.DataLoss },
    };

    [Fact]
    public void The_table_above_covers_the_whole_catalog()
    {
        Assert.Equal(Entries.Count, EtcdErrorCatalog.Count);
        Assert.Equal(50, EtcdErrorCatalog.Count);
    }

    [Theory]
    [MemberData(nameof(Entries))]
    public void Each_server_message_maps_to_its_typed_exception(string serverMessage, Type type, GrpcStatusCode code)
    {
        var e = EtcdErrorCatalog.TryCreate(serverMessage, "http://e:2379");

        Assert.NotNull(e);
        Assert.IsType(type, e);
        Assert.Equal(code, e.StatusCode);
        Assert.Equal(serverMessage, e.ServerMessage);
        Assert.Equal(serverMessage, e.Message);
        Assert.Equal("http://e:2379", e.Endpoint);
        Assert.Null(e.InnerException);
    }

    [Theory]
    [MemberData(nameof(Entries))]
    public void Each_server_message_maps_through_the_mapper_too(string serverMessage, Type type, GrpcStatusCode code)
    {
        // The wire code etcd sends is not what decides the type: the message is.
        var failure = new Transport.GrpcCallException(new Transport.GrpcStatus(GrpcStatusCode.Unknown, serverMessage), Transport.CallFailureKind.Status, true, "ep");
        var e = Assert.IsAssignableFrom<EtcdException>(EtcdErrorMapper.ToPublic(failure, TimeSpan.FromSeconds(1), repeatable: true));
        Assert.IsType(type, e);
        Assert.Equal(code, e.StatusCode);
        Assert.Equal(serverMessage, e.ServerMessage);
        Assert.Equal("ep", e.Endpoint);
    }

    [Theory]
    [MemberData(nameof(Entries))]
    public void IsTransient_is_true_exactly_for_retryable_server_conditions(string serverMessage, Type type, GrpcStatusCode code)
    {
        var e = EtcdErrorCatalog.TryCreate(serverMessage, null)!;
        var expected = (code is GrpcStatusCode.Unavailable || type == typeof(EtcdTooManyRequestsException));
        Assert.Equal(expected, e.IsTransient);
    }

    [Fact]
    public void Endpoint_may_be_null()
    {
        var e = EtcdErrorCatalog.TryCreate("etcdserver: no leader", null);
        Assert.IsType<EtcdNoLeaderException>(e);
        Assert.Null(e.Endpoint);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("etcdserver: something new")]
    [InlineData("ETCDSERVER: NO LEADER")]
    [InlineData("etcdserver: no leader ")]
    [InlineData(" etcdserver: no leader")]
    [InlineData("etcdserver:no leader")]
    [InlineData("etcdserver: mvcc: required revision has been compacted")]
    public void Unknown_messages_are_not_in_the_catalog(string? serverMessage)
    {
        Assert.Null(EtcdErrorCatalog.TryCreate(serverMessage, "ep"));
    }

    [Fact]
    public void IsTransient_examples()
    {
        Assert.True(new EtcdNoLeaderException("x").IsTransient);
        Assert.True(new EtcdLeaderChangedException("x").IsTransient);
        Assert.True(new EtcdServerStoppedException("x").IsTransient);
        Assert.True(new EtcdTooManyRequestsException("x").IsTransient);
        Assert.True(new EtcdException("x", GrpcStatusCode.Unavailable).IsTransient);
        Assert.True(new EtcdException("x", GrpcStatusCode.ResourceExhausted).IsTransient);
        Assert.True(new EtcdUnavailableException([]).IsTransient);

        Assert.False(new EtcdEmptyKeyException("x").IsTransient);
        Assert.False(new EtcdNoSpaceException("x").IsTransient);
        Assert.False(new EtcdRequestTooLargeException("x").IsTransient);
        Assert.False(new EtcdPermissionDeniedException("x").IsTransient);
        Assert.False(new EtcdCompactedException("x", 5).IsTransient);
        Assert.False(new EtcdException("x", GrpcStatusCode.Internal).IsTransient);
        Assert.False(new EtcdException("x").IsTransient);
        Assert.False(new EtcdProtocolException("x", GrpcStatusCode.Unavailable).IsTransient);
    }

    [Fact]
    public void EtcdException_constructors()
    {
        var inner = new InvalidOperationException();
        var a = new EtcdException();
        Assert.Equal(GrpcStatusCode.Unknown, a.StatusCode);
        Assert.Null(a.ServerMessage);
        Assert.Null(a.Endpoint);

        var b = new EtcdException("m", inner);
        Assert.Equal("m", b.Message);
        Assert.Same(inner, b.InnerException);
        Assert.Equal(GrpcStatusCode.Unknown, b.StatusCode);

        var c = new EtcdException("m", GrpcStatusCode.Aborted, "server", "ep", inner);
        Assert.Equal(GrpcStatusCode.Aborted, c.StatusCode);
        Assert.Equal("server", c.ServerMessage);
        Assert.Equal("ep", c.Endpoint);
        Assert.Same(inner, c.InnerException);
    }
}
