using EtcdNet.Transport;

namespace EtcdNet.Diagnostics;

/// <summary>The short, stable reason strings used as the <c>reason</c> tag of retries and in logs.</summary>
internal static class RetryReasons
{
    public const string StaleToken = "stale_token";
    public const string NotRetryable = "not_retryable";
    public const string NoEndpointReachable = "no_endpoint_reachable";
    public const string MaxAttempts = "max_attempts";

    /// <summary>Why a failed attempt may be retried: how it failed.</summary>
    public static string Of(GrpcCallException failure) => failure.Kind switch
    {
        CallFailureKind.Connect => "connect",
        CallFailureKind.Transport => "transport",
        CallFailureKind.Protocol => "not_grpc",
        _ => failure.Status.Code == GrpcStatusCode.Unavailable ? "unavailable" : "status",
    };
}
