using EtcdNet.Resilience;
using EtcdNet.Transport;

namespace EtcdNet.UnitTests;

public class RetryPolicyTests
{
    private const bool Read = true;   // repeatable (Range)
    private const bool Write = false; // not repeatable (Put, DeleteRange, Txn, Compact)

    // kind, requestSent, status code, repeatable => decision
    [Theory]
    // The request never reached etcd: another endpoint may take it, writes included.
    [InlineData("Connect", false, GrpcStatusCode.Unavailable, Write, "TryAnotherEndpoint")]
    [InlineData("Connect", false, GrpcStatusCode.Unavailable, Read, "TryAnotherEndpoint")]
    [InlineData("Connect", true, GrpcStatusCode.Unavailable, Write, "TryAnotherEndpoint")]
    [InlineData("Connect", false, GrpcStatusCode.Internal, Write, "TryAnotherEndpoint")]
    [InlineData("Protocol", false, GrpcStatusCode.Unavailable, Write, "TryAnotherEndpoint")]
    [InlineData("Protocol", false, GrpcStatusCode.Unavailable, Read, "TryAnotherEndpoint")]
    [InlineData("Protocol", false, GrpcStatusCode.Unimplemented, Write, "TryAnotherEndpoint")]
    // Not etcd, but the request went out: a proxy may have forwarded it, so only reads move on.
    [InlineData("Protocol", true, GrpcStatusCode.Unavailable, Read, "TryAnotherEndpoint")]
    [InlineData("Protocol", true, GrpcStatusCode.Unavailable, Write, "Fail")]
    // Broken connection before any byte of the request left: safe for writes.
    [InlineData("Transport", false, GrpcStatusCode.Unavailable, Write, "TryAnotherEndpoint")]
    [InlineData("Transport", false, GrpcStatusCode.Unavailable, Read, "TryAnotherEndpoint")]
    [InlineData("Transport", false, GrpcStatusCode.Internal, Write, "TryAnotherEndpoint")]
    [InlineData("Transport", false, GrpcStatusCode.Cancelled, Write, "TryAnotherEndpoint")]
    // Broken connection after the request may have reached etcd: only repeatable + Unavailable.
    [InlineData("Transport", true, GrpcStatusCode.Unavailable, Read, "TryAnotherEndpoint")]
    [InlineData("Transport", true, GrpcStatusCode.Unavailable, Write, "Fail")]
    [InlineData("Transport", true, GrpcStatusCode.Internal, Read, "Fail")]
    [InlineData("Transport", true, GrpcStatusCode.Internal, Write, "Fail")]
    [InlineData("Transport", true, GrpcStatusCode.Cancelled, Read, "Fail")]
    [InlineData("Transport", true, GrpcStatusCode.ResourceExhausted, Read, "Fail")]
    [InlineData("Transport", true, GrpcStatusCode.PermissionDenied, Read, "Fail")]
    // etcd answered with a status.
    [InlineData("Status", true, GrpcStatusCode.Unavailable, Read, "RetryAfterBackoff")]
    [InlineData("Status", true, GrpcStatusCode.Unavailable, Write, "Fail")]
    [InlineData("Status", false, GrpcStatusCode.Unavailable, Write, "Fail")]
    [InlineData("Status", true, GrpcStatusCode.InvalidArgument, Read, "Fail")]
    [InlineData("Status", true, GrpcStatusCode.OutOfRange, Read, "Fail")]
    [InlineData("Status", true, GrpcStatusCode.FailedPrecondition, Read, "Fail")]
    [InlineData("Status", true, GrpcStatusCode.NotFound, Read, "Fail")]
    [InlineData("Status", true, GrpcStatusCode.PermissionDenied, Read, "Fail")]
    [InlineData("Status", true, GrpcStatusCode.Unauthenticated, Read, "Fail")]
    [InlineData("Status", true, GrpcStatusCode.DeadlineExceeded, Read, "Fail")]
    [InlineData("Status", true, GrpcStatusCode.ResourceExhausted, Read, "Fail")]
    [InlineData("Status", true, GrpcStatusCode.Unimplemented, Read, "Fail")]
    [InlineData("Status", true, GrpcStatusCode.Internal, Read, "Fail")]
    [InlineData("Status", true, GrpcStatusCode.Unknown, Read, "Fail")]
    [InlineData("Status", true, GrpcStatusCode.DataLoss, Read, "Fail")]
    [InlineData("Status", true, GrpcStatusCode.Cancelled, Read, "Fail")]
    [InlineData("Status", true, GrpcStatusCode.Aborted, Read, "Fail")]
    [InlineData("Status", true, GrpcStatusCode.InvalidArgument, Write, "Fail")]
    public void Decide(string kind, bool requestSent, GrpcStatusCode code, bool repeatable, string expected)
    {
        var failure = new GrpcCallException(new GrpcStatus(code, "test"), Enum.Parse<CallFailureKind>(kind), requestSent, "http://e:2379");
        Assert.Equal(Enum.Parse<RetryDecision>(expected), RetryPolicy.Decide(failure, repeatable));
    }

    [Fact]
    public void Every_status_code_except_Unavailable_fails_a_repeatable_call()
    {
        foreach (var code in Enum.GetValues<GrpcStatusCode>())
        {
            var failure = new GrpcCallException(new GrpcStatus(code, null), CallFailureKind.Status, true, "e");
            var expected = code == GrpcStatusCode.Unavailable ? RetryDecision.RetryAfterBackoff : RetryDecision.Fail;
            Assert.Equal(expected, RetryPolicy.Decide(failure, repeatable: true));
            Assert.Equal(RetryDecision.Fail, RetryPolicy.Decide(failure, repeatable: false));
        }
    }

    [Fact]
    public void Decide_rejects_null()
    {
        Assert.Throws<ArgumentNullException>(() => RetryPolicy.Decide(null!, true));
    }

    [Fact]
    public void GrpcCallException_carries_what_the_policy_reads()
    {
        var inner = new IOException("reset");
        var failure = new GrpcCallException(new GrpcStatus(GrpcStatusCode.Unavailable, "gone"), CallFailureKind.Transport, true, "http://e:1", inner);
        Assert.Equal("gone", failure.Message);
        Assert.Equal(CallFailureKind.Transport, failure.Kind);
        Assert.True(failure.RequestSent);
        Assert.Equal("http://e:1", failure.Endpoint);
        Assert.Same(inner, failure.InnerException);

        var noMessage = new GrpcCallException(new GrpcStatus(GrpcStatusCode.Internal, null), CallFailureKind.Status, true, "e");
        Assert.Equal("Internal", noMessage.Message);
    }
}
