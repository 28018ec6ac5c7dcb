using EtcdNet.Errors;
using EtcdNet.Transport;

namespace EtcdNet.UnitTests;

public class EtcdErrorMapperTests
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromMilliseconds(1500);

    private static GrpcCallException Failure(GrpcStatusCode code, string? message, CallFailureKind kind = CallFailureKind.Status, string endpoint = "http://e1:2379", bool requestSent = true)
        => new(new GrpcStatus(code, message), kind, requestSent, endpoint);

    [Fact]
    public void A_catalog_message_maps_to_its_typed_exception()
    {
        var e = EtcdErrorMapper.ToPublic(Failure(GrpcStatusCode.InvalidArgument, "etcdserver: key is not provided"), CallTimeout, repeatable: true);
        var typed = Assert.IsType<EtcdEmptyKeyException>(e);
        Assert.Equal(GrpcStatusCode.InvalidArgument, typed.StatusCode);
        Assert.Equal("etcdserver: key is not provided", typed.ServerMessage);
        Assert.Equal("http://e1:2379", typed.Endpoint);
    }

    [Fact]
    public void The_compacted_message_maps_to_EtcdCompactedException()
    {
        var e = EtcdErrorMapper.ToPublic(Failure(GrpcStatusCode.OutOfRange, "etcdserver: mvcc: required revision has been compacted"), CallTimeout, repeatable: true);
        var compacted = Assert.IsType<EtcdCompactedException>(e);
        Assert.Equal(GrpcStatusCode.OutOfRange, compacted.StatusCode);
        Assert.Equal("etcdserver: mvcc: required revision has been compacted", compacted.ServerMessage);
        Assert.Equal("http://e1:2379", compacted.Endpoint);
        Assert.Equal(0, compacted.CompactRevision);
        Assert.False(compacted.IsTransient);
        Assert.Equal("etcdserver: mvcc: required revision has been compacted", EtcdCompactedException.WireMessage);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("context deadline exceeded")]
    [InlineData("etcdserver: no leader")]
    public void DeadlineExceeded_maps_to_EtcdTimeoutException(string? message)
    {
        var failure = Failure(GrpcStatusCode.DeadlineExceeded, message);
        var e = EtcdErrorMapper.ToPublic(failure, CallTimeout, repeatable: true);

        var timeout = Assert.IsType<EtcdTimeoutException>(e);
        Assert.IsAssignableFrom<TimeoutException>(e);
        Assert.Equal(CallTimeout, timeout.Timeout);
        Assert.Equal("http://e1:2379", timeout.Endpoint);
        Assert.Same(failure, timeout.InnerException);
        Assert.Contains("1500 ms", timeout.Message, StringComparison.Ordinal);
        Assert.Contains("http://e1:2379", timeout.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_write_that_may_have_reached_the_server_has_an_unknown_outcome()
    {
        var broken = new GrpcCallException(new GrpcStatus(GrpcStatusCode.Unavailable, "connection reset"), CallFailureKind.Transport, requestSent: true, "http://e1:2379");

        var write = Assert.IsType<EtcdOutcomeUnknownException>(EtcdErrorMapper.ToPublic(broken, CallTimeout, repeatable: false));
        var read = EtcdErrorMapper.ToPublic(broken, CallTimeout, repeatable: true);
        var unsent = EtcdErrorMapper.ToPublic(new GrpcCallException(broken.Status, CallFailureKind.Transport, requestSent: false, "http://e1:2379"), CallTimeout, repeatable: false);

        Assert.False(write.IsTransient);
        Assert.Equal(GrpcStatusCode.Unavailable, write.StatusCode);
        Assert.Contains("may have been applied", write.Message, StringComparison.Ordinal);
        Assert.IsType<EtcdException>(read);
        Assert.True(((EtcdException)read).IsTransient);
        Assert.IsType<EtcdException>(unsent);
    }

    [Fact]
    public void Unknown_context_deadline_exceeded_from_etcd_maps_to_EtcdTimeoutException()
    {
        // etcd returns Go's context.DeadlineExceeded as a plain error, which gRPC sends with code Unknown.
        var e = EtcdErrorMapper.ToPublic(Failure(GrpcStatusCode.Unknown, "context deadline exceeded"), CallTimeout, repeatable: true);

        Assert.Equal(CallTimeout, Assert.IsType<EtcdTimeoutException>(e).Timeout);
    }

    [Fact]
    public void EtcdTimeoutException_message_without_endpoint()
    {
        var e = new EtcdTimeoutException(TimeSpan.FromSeconds(2));
        Assert.Equal("The etcd call did not complete within its 2000 ms timeout.", e.Message);
        Assert.Null(e.Endpoint);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("unknown service etcdserverpb.KV")]
    public void Unimplemented_maps_to_EtcdProtocolException(string? message)
    {
        var failure = Failure(GrpcStatusCode.Unimplemented, message);
        var e = EtcdErrorMapper.ToPublic(failure, CallTimeout, repeatable: true);

        var protocol = Assert.IsType<EtcdProtocolException>(e);
        Assert.Equal(GrpcStatusCode.Unimplemented, protocol.StatusCode);
        Assert.Equal("http://e1:2379", protocol.Endpoint);
        Assert.Same(failure, protocol.InnerException);
        Assert.Contains("http://e1:2379", protocol.Message, StringComparison.Ordinal);
        Assert.Contains(message ?? "Unimplemented", protocol.Message, StringComparison.Ordinal);
        Assert.False(protocol.IsTransient);
    }

    [Theory]
    [InlineData(GrpcStatusCode.Unavailable)]
    [InlineData(GrpcStatusCode.Internal)]
    public void Protocol_failures_map_to_EtcdProtocolException(GrpcStatusCode code)
    {
        var failure = Failure(code, "http://e1:2379 is not an etcd gRPC endpoint: it answered HTTP 404", CallFailureKind.Protocol, requestSent: false);
        var e = EtcdErrorMapper.ToPublic(failure, CallTimeout, repeatable: true);

        var protocol = Assert.IsType<EtcdProtocolException>(e);
        Assert.Equal(code, protocol.StatusCode);
        Assert.Equal("http://e1:2379 is not an etcd gRPC endpoint: it answered HTTP 404", protocol.Message);
        Assert.Null(protocol.ServerMessage);
        Assert.Equal("http://e1:2379", protocol.Endpoint);
        Assert.Same(failure, protocol.InnerException);
        Assert.False(protocol.IsTransient);
    }

    [Fact]
    public void A_protocol_failure_with_a_catalog_message_is_still_a_protocol_error()
    {
        var e = EtcdErrorMapper.ToPublic(Failure(GrpcStatusCode.Unavailable, "etcdserver: no leader", CallFailureKind.Protocol), CallTimeout, repeatable: true);
        Assert.IsType<EtcdProtocolException>(e);
    }

    [Fact]
    public void Connect_failures_map_to_EtcdUnavailableException()
    {
        var failure = Failure(GrpcStatusCode.Unavailable, "cannot connect to http://e1:2379: refused", CallFailureKind.Connect, requestSent: false);
        var e = EtcdErrorMapper.ToPublic(failure, CallTimeout, repeatable: true);

        var unavailable = Assert.IsType<EtcdUnavailableException>(e);
        Assert.Equal(GrpcStatusCode.Unavailable, unavailable.StatusCode);
        var single = Assert.Single(unavailable.Failures);
        Assert.Equal("http://e1:2379", single.Endpoint);
        Assert.Equal("cannot connect to http://e1:2379: refused", single.Reason);
        Assert.Same(failure, single.Exception);
        Assert.Same(failure, unavailable.InnerException);
        Assert.True(unavailable.IsTransient);
    }

    [Fact]
    public void Transport_failures_map_to_a_plain_EtcdException_with_the_code()
    {
        var failure = Failure(GrpcStatusCode.Unavailable, "connection reset", CallFailureKind.Transport);
        var e = EtcdErrorMapper.ToPublic(failure, CallTimeout, repeatable: true);

        Assert.Equal(typeof(EtcdException), e.GetType());
        var etcd = (EtcdException)e;
        Assert.Equal(GrpcStatusCode.Unavailable, etcd.StatusCode);
        Assert.Equal("connection reset", etcd.Message);
        Assert.Null(etcd.ServerMessage);
        Assert.Equal("http://e1:2379", etcd.Endpoint);
        Assert.Same(failure, etcd.InnerException);
        Assert.True(etcd.IsTransient);
    }

    [Theory]
    [InlineData(GrpcStatusCode.Unknown)]
    [InlineData(GrpcStatusCode.Internal)]
    [InlineData(GrpcStatusCode.InvalidArgument)]
    [InlineData(GrpcStatusCode.Unavailable)]
    [InlineData(GrpcStatusCode.PermissionDenied)]
    public void Unknown_server_messages_map_to_a_plain_EtcdException_with_the_code(GrpcStatusCode code)
    {
        var failure = Failure(code, "etcdserver: brand new error");
        var e = EtcdErrorMapper.ToPublic(failure, CallTimeout, repeatable: true);

        Assert.Equal(typeof(EtcdException), e.GetType());
        var etcd = (EtcdException)e;
        Assert.Equal(code, etcd.StatusCode);
        Assert.Equal("etcdserver: brand new error", etcd.Message);
        Assert.Equal("etcdserver: brand new error", etcd.ServerMessage);
        Assert.Equal("http://e1:2379", etcd.Endpoint);
        Assert.Same(failure, etcd.InnerException);
        Assert.Equal(code == GrpcStatusCode.Unavailable, etcd.IsTransient);
    }

    [Fact]
    public void A_status_without_message_uses_the_code_name()
    {
        var e = Assert.IsType<EtcdException>(EtcdErrorMapper.ToPublic(Failure(GrpcStatusCode.Aborted, null), CallTimeout, repeatable: true));
        Assert.Equal("Aborted", e.Message);
        Assert.Null(e.ServerMessage);
        Assert.Equal(GrpcStatusCode.Aborted, e.StatusCode);
    }

    [Fact]
    public void ToPublic_rejects_null()
    {
        Assert.Throws<ArgumentNullException>(() => EtcdErrorMapper.ToPublic(null!, CallTimeout, repeatable: true));
    }

    [Fact]
    public void NoEndpoint_with_one_protocol_failure_is_that_protocol_error()
    {
        var failure = Failure(GrpcStatusCode.Unavailable, "http://e1:2379 is not an etcd gRPC endpoint: HTTP/1.1", CallFailureKind.Protocol, requestSent: false);
        var e = EtcdErrorMapper.NoEndpoint([new EndpointFailure("http://e1:2379", failure.Message, failure)]);

        var protocol = Assert.IsType<EtcdProtocolException>(e);
        Assert.Equal("http://e1:2379 is not an etcd gRPC endpoint: HTTP/1.1", protocol.Message);
        Assert.Equal(GrpcStatusCode.Unavailable, protocol.StatusCode);
        Assert.Equal("http://e1:2379", protocol.Endpoint);
        Assert.Same(failure, protocol.InnerException);
    }

    [Fact]
    public void NoEndpoint_with_only_protocol_failures_names_every_endpoint()
    {
        var f1 = Failure(GrpcStatusCode.Unavailable, "http://e1:2379 is not etcd", CallFailureKind.Protocol, "http://e1:2379", false);
        var f2 = Failure(GrpcStatusCode.Unavailable, "not etcd either", CallFailureKind.Protocol, "http://e2:2379", false);
        var e = EtcdErrorMapper.NoEndpoint([
            new EndpointFailure(f1.Endpoint, f1.Message, f1),
            new EndpointFailure(f2.Endpoint, f2.Message, f2),
        ]);

        var protocol = Assert.IsType<EtcdProtocolException>(e);
        Assert.Equal("No endpoint is an etcd gRPC server: http://e1:2379 is not etcd; http://e2:2379: not etcd either", protocol.Message);
        Assert.Equal(GrpcStatusCode.Unavailable, protocol.StatusCode);
        Assert.Null(protocol.Endpoint);
        Assert.Same(f1, protocol.InnerException);
        Assert.False(protocol.IsTransient);
    }

    [Fact]
    public void NoEndpoint_with_any_other_failure_is_EtcdUnavailableException_listing_each_endpoint()
    {
        var f1 = Failure(GrpcStatusCode.Unavailable, "not etcd", CallFailureKind.Protocol, "http://e1:2379", false);
        var f2 = Failure(GrpcStatusCode.Unavailable, "cannot connect to http://e2:2379: connection refused", CallFailureKind.Connect, "http://e2:2379", false);
        var f3 = Failure(GrpcStatusCode.Unavailable, "reset", CallFailureKind.Transport, "http://e3:2379", false);
        IReadOnlyList<EndpointFailure> failures =
        [
            new(f1.Endpoint, f1.Message, f1),
            new(f2.Endpoint, f2.Message, f2),
            new(f3.Endpoint, f3.Message, f3),
        ];

        var e = EtcdErrorMapper.NoEndpoint(failures);

        var unavailable = Assert.IsType<EtcdUnavailableException>(e);
        Assert.Same(failures, unavailable.Failures);
        Assert.Equal(
            "No etcd endpoint is available: http://e1:2379: not etcd; cannot connect to http://e2:2379: connection refused; http://e3:2379: reset",
            unavailable.Message);
        Assert.Equal(GrpcStatusCode.Unavailable, unavailable.StatusCode);
        Assert.Same(f3, unavailable.InnerException);
        Assert.True(unavailable.IsTransient);
    }

    [Fact]
    public void NoEndpoint_treats_a_failure_without_exception_as_not_protocol()
    {
        var e = EtcdErrorMapper.NoEndpoint([new EndpointFailure("http://e1:2379", "gone", null)]);
        var unavailable = Assert.IsType<EtcdUnavailableException>(e);
        Assert.Null(unavailable.InnerException);
        Assert.Equal("No etcd endpoint is available: http://e1:2379: gone", unavailable.Message);
    }

    [Fact]
    public void NoEndpoint_with_no_failures()
    {
        var e = Assert.IsType<EtcdUnavailableException>(EtcdErrorMapper.NoEndpoint([]));
        Assert.Equal("No etcd endpoint is available.", e.Message);
        Assert.Empty(e.Failures);
        Assert.Null(e.InnerException);
    }

    [Fact]
    public void EndpointFailure_ToString_adds_the_endpoint_only_when_missing()
    {
        Assert.Equal("http://e:1: boom", new EndpointFailure("http://e:1", "boom", null).ToString());
        Assert.Equal("cannot reach http://e:1", new EndpointFailure("http://e:1", "cannot reach http://e:1", null).ToString());
    }
}
