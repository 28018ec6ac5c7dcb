using EtcdNet.Auth;
using EtcdNet.Errors;
using EtcdNet.Transport;

namespace EtcdNet.Resilience;

/// <summary>Names the <see cref="FailureKind"/> of a failure, from the transport's status or from the public error it became.</summary>
internal static class FailureClassifier
{
    /// <summary>The kind of a failed exchange with a server.</summary>
    public static FailureKind Classify(GrpcCallException failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        switch (failure.Kind)
        {
            case CallFailureKind.Protocol:
                return FailureKind.NotEtcd;
            case CallFailureKind.Connect:
                return failure.Fault == ConnectionFault.DialTimeout ? FailureKind.BlackHole : FailureKind.Refused;
            case CallFailureKind.Transport:
                return failure.Fault switch
                {
                    ConnectionFault.DialTimeout => FailureKind.BlackHole,
                    ConnectionFault.KeepAliveTimeout => FailureKind.KeepAliveTimeout,
                    ConnectionFault.GoAway => FailureKind.GoAway,
                    _ => failure.RequestSent ? FailureKind.Reset : FailureKind.Refused,
                };
        }

        if (AuthTokenProvider.IsStaleToken(failure))
        {
            return FailureKind.StaleToken;
        }

        return Classify(EtcdErrorMapper.ToPublic(failure, Timeout.InfiniteTimeSpan, repeatable: true));
    }

    /// <summary>The kind of a failure that already is a public error (for example from authenticating before a stream opens).</summary>
    public static FailureKind Classify(Exception error) => error switch
    {
        GrpcCallException call => Classify(call),
        EtcdTimeoutException => FailureKind.Deadline,
        TimeoutException => FailureKind.BlackHole,
        OperationCanceledException => FailureKind.CancelledByCaller,
        EtcdUnavailableException => FailureKind.Refused,
        EtcdProtocolException { StatusCode: GrpcStatusCode.Unimplemented } => FailureKind.Unimplemented,
        EtcdProtocolException => FailureKind.NotEtcd,
        EtcdOutcomeUnknownException => FailureKind.Reset,
        EtcdNoLeaderException => FailureKind.NoLeader,
        EtcdLeaderChangedException => FailureKind.LeaderChanged,
        EtcdAuthFailedException => FailureKind.WrongCredentials,
        EtcdInvalidAuthTokenException or EtcdAuthOldRevisionException or EtcdUserEmptyException => FailureKind.StaleToken,
        EtcdPermissionDeniedException => FailureKind.PermissionDenied,
        EtcdCompactedException => FailureKind.Compacted,
        EtcdRequestTooLargeException => FailureKind.RequestTooLarge,
        EtcdException { StatusCode: GrpcStatusCode.Unavailable } => FailureKind.Unavailable,
        EtcdException { StatusCode: GrpcStatusCode.InvalidArgument or GrpcStatusCode.NotFound or GrpcStatusCode.AlreadyExists or GrpcStatusCode.FailedPrecondition
            or GrpcStatusCode.OutOfRange or GrpcStatusCode.ResourceExhausted or GrpcStatusCode.Unauthenticated } => FailureKind.Rejected,
        _ => FailureKind.ServerError,
    };
}
