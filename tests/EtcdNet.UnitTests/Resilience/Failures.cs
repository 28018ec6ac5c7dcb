using EtcdNet.Resilience;
using EtcdNet.Transport;

namespace EtcdNet.UnitTests.Resilience;

/// <summary>One transport failure of each <see cref="FailureKind"/> that a server or a connection can produce.</summary>
internal static class Failures
{
    public const string Endpoint = "http://e0:2379";

    /// <summary>The kinds a transport failure can have (the caller's cancellation and the deadline come from elsewhere).</summary>
    public static IEnumerable<FailureKind> FromTransport => Enum.GetValues<FailureKind>().Where(k => k is not FailureKind.CancelledByCaller);

    public static GrpcCallException Of(FailureKind kind, bool requestSent = true, string endpoint = Endpoint) => kind switch
    {
        FailureKind.Refused => new(Unavailable("connection refused"), CallFailureKind.Connect, false, endpoint, fault: ConnectionFault.Refused),
        FailureKind.BlackHole => new(Unavailable("timed out (DialTimeout)"), CallFailureKind.Connect, false, endpoint, fault: ConnectionFault.DialTimeout),
        FailureKind.Reset => new(Unavailable("reset"), CallFailureKind.Transport, requestSent, endpoint, fault: ConnectionFault.Reset),
        FailureKind.KeepAliveTimeout => new(Unavailable("ping"), CallFailureKind.Transport, requestSent, endpoint, fault: ConnectionFault.KeepAliveTimeout),
        FailureKind.GoAway => new(Unavailable("goaway"), CallFailureKind.Transport, requestSent, endpoint, fault: ConnectionFault.GoAway),
        FailureKind.NotEtcd => new(Unavailable("not gRPC"), CallFailureKind.Protocol, requestSent, endpoint),
        FailureKind.NoLeader => Status(GrpcStatusCode.Unavailable, "etcdserver: no leader", endpoint),
        FailureKind.LeaderChanged => Status(GrpcStatusCode.Unavailable, "etcdserver: leader changed", endpoint),
        FailureKind.Unavailable => Status(GrpcStatusCode.Unavailable, "etcdserver: request timed out", endpoint),
        FailureKind.WrongCredentials => Status(GrpcStatusCode.InvalidArgument, "etcdserver: authentication failed, invalid user ID or password", endpoint),
        FailureKind.StaleToken => Status(GrpcStatusCode.Unauthenticated, "etcdserver: invalid auth token", endpoint),
        FailureKind.PermissionDenied => Status(GrpcStatusCode.PermissionDenied, "etcdserver: permission denied", endpoint),
        FailureKind.Unimplemented => Status(GrpcStatusCode.Unimplemented, "unknown service etcdserverpb.KV", endpoint),
        FailureKind.Compacted => Status(GrpcStatusCode.OutOfRange, EtcdCompactedException.WireMessage, endpoint),
        FailureKind.RequestTooLarge => Status(GrpcStatusCode.InvalidArgument, "etcdserver: request is too large", endpoint),
        FailureKind.Rejected => Status(GrpcStatusCode.InvalidArgument, "etcdserver: key is not provided", endpoint),
        FailureKind.ServerError => Status(GrpcStatusCode.Unknown, "something broke", endpoint),
        FailureKind.Deadline => Status(GrpcStatusCode.DeadlineExceeded, "context deadline exceeded", endpoint),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a transport failure"),
    };

    private static GrpcStatus Unavailable(string message) => new(GrpcStatusCode.Unavailable, message);

    private static GrpcCallException Status(GrpcStatusCode code, string message, string endpoint) => new(new GrpcStatus(code, message), CallFailureKind.Status, true, endpoint);
}
