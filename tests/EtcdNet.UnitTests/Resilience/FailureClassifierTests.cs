using EtcdNet.Resilience;
using EtcdNet.Transport;

namespace EtcdNet.UnitTests.Resilience;

public class FailureClassifierTests
{
    public static TheoryData<string> TransportKinds => [.. Failures.FromTransport.Select(k => k.ToString())];

    [Theory]
    [MemberData(nameof(TransportKinds))]
    public void Each_kind_is_recognised(string name)
    {
        var kind = Enum.Parse<FailureKind>(name);
        Assert.Equal(kind, FailureClassifier.Classify(Failures.Of(kind)));
    }

    [Theory]
    [MemberData(nameof(TransportKinds))]
    public void The_public_error_of_a_failure_is_classified_like_the_failure(string name)
    {
        var kind = Enum.Parse<FailureKind>(name);
        var failure = Failures.Of(kind);
        var error = Errors.EtcdErrorMapper.ToPublic(failure, TimeSpan.FromSeconds(1), repeatable: true);

        var expected = kind switch
        {
            FailureKind.BlackHole => FailureKind.Refused, // a connection that never came is "unavailable" to the caller
            FailureKind.Reset or FailureKind.KeepAliveTimeout or FailureKind.GoAway => FailureKind.Unavailable, // a plain EtcdException, status Unavailable
            _ => kind,
        };
        Assert.Equal(expected, FailureClassifier.Classify(error));
        Assert.Equal(FailurePolicy.Rule(CallKind.Stream, kind, true).Retries, FailurePolicy.Rule(CallKind.Stream, expected, true).Retries);
    }

    [Theory]
    [InlineData(GrpcStatusCode.Unavailable)]
    [InlineData(GrpcStatusCode.Internal)]
    [InlineData(GrpcStatusCode.Cancelled)]
    [InlineData(GrpcStatusCode.ResourceExhausted)]
    public void A_broken_connection_is_a_reset_whatever_its_code(GrpcStatusCode code)
    {
        var sent = new GrpcCallException(new GrpcStatus(code, "x"), CallFailureKind.Transport, true, "e");
        var notSent = new GrpcCallException(new GrpcStatus(code, "x"), CallFailureKind.Transport, false, "e");

        Assert.Equal(FailureKind.Reset, FailureClassifier.Classify(sent));
        Assert.Equal(FailureKind.Refused, FailureClassifier.Classify(notSent)); // HTTP/2 REFUSED_STREAM: never processed
    }

    [Fact]
    public void Every_status_code_has_a_kind_and_only_Unavailable_ones_are_temporary()
    {
        foreach (var code in Enum.GetValues<GrpcStatusCode>().Where(c => c != GrpcStatusCode.OK))
        {
            var kind = FailureClassifier.Classify(new GrpcCallException(new GrpcStatus(code, null), CallFailureKind.Status, true, "e"));
            var retried = FailurePolicy.Rule(CallKind.Read, kind, true).Retries;
            Assert.True(retried == (code == GrpcStatusCode.Unavailable), $"{code} -> {kind}");
        }
    }

    [Fact]
    public void Errors_from_authenticating_before_a_stream_are_classified()
    {
        Assert.Equal(FailureKind.WrongCredentials, FailureClassifier.Classify(new EtcdAuthFailedException("no")));
        Assert.Equal(FailureKind.Refused, FailureClassifier.Classify(new EtcdUnavailableException([new EndpointFailure("e", "refused", null)])));
        Assert.Equal(FailureKind.BlackHole, FailureClassifier.Classify(new TimeoutException()));
        Assert.Equal(FailureKind.Deadline, FailureClassifier.Classify(new EtcdTimeoutException(TimeSpan.FromSeconds(1), "e", null)));
        Assert.Equal(FailureKind.NoLeader, FailureClassifier.Classify(new EtcdNoLeaderException("no leader")));
        Assert.Equal(FailureKind.CancelledByCaller, FailureClassifier.Classify(new OperationCanceledException()));
    }

    [Fact]
    public void The_keep_alive_and_goaway_faults_come_from_HTTP2_errors()
    {
        var endpoint = GrpcEndpoint.Parse("http://e:1");
        endpoint.MarkSpokeGrpc();
        var ping = GrpcFailureMapper.Map(new HttpProtocolException(0x1, "The HTTP/2 server didn't respond to a ping request within the configured KeepAlivePingDelay.", null), endpoint, true, CancellationToken.None)!;
        var goAway = GrpcFailureMapper.Map(new HttpProtocolException(0x0, "The HTTP/2 server closed the connection.", null), endpoint, true, CancellationToken.None)!;
        var reset = GrpcFailureMapper.Map(new HttpProtocolException(0x2, "internal error", null), endpoint, true, CancellationToken.None)!;

        Assert.Equal(FailureKind.KeepAliveTimeout, FailureClassifier.Classify(ping));
        Assert.Equal(FailureKind.GoAway, FailureClassifier.Classify(goAway));
        Assert.Equal(FailureKind.Reset, FailureClassifier.Classify(reset));
    }
}
