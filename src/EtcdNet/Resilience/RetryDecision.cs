using EtcdNet.Transport;

namespace EtcdNet.Resilience;

/// <summary>What to do after a failed attempt.</summary>
internal enum RetryDecision
{
    /// <summary>Stop and report the error: retrying could apply a write twice, or cannot help.</summary>
    Fail,
    /// <summary>The endpoint is unreachable or not etcd; the request never reached etcd: try another endpoint now.</summary>
    TryAnotherEndpoint,
    /// <summary>The server is temporarily unable (no leader, stopping, ...) and the call is repeatable: retry after a backoff.</summary>
    RetryAfterBackoff,
}

/// <summary>
/// The retry rule: a repeatable RPC is retried on <c>Unavailable</c>; any RPC (writes included)
/// is retried when the request certainly never left the client. A write that may have reached
/// the server is never sent again, so it is applied at most once.
/// </summary>
internal static class RetryPolicy
{
    public static RetryDecision Decide(GrpcCallException failure, bool repeatable)
    {
        ArgumentNullException.ThrowIfNull(failure);
        switch (failure.Kind)
        {
            case CallFailureKind.Connect:
                return RetryDecision.TryAnotherEndpoint;
            case CallFailureKind.Protocol:
                // Not etcd. Safe to move on unless a write may have been forwarded (a proxy in between).
                return repeatable || !failure.RequestSent ? RetryDecision.TryAnotherEndpoint : RetryDecision.Fail;
            case CallFailureKind.Transport:
                if (!failure.RequestSent)
                {
                    return RetryDecision.TryAnotherEndpoint;
                }

                return repeatable && failure.Status.Code == GrpcStatusCode.Unavailable ? RetryDecision.TryAnotherEndpoint : RetryDecision.Fail;
            default:
                return repeatable && failure.Status.Code == GrpcStatusCode.Unavailable ? RetryDecision.RetryAfterBackoff : RetryDecision.Fail;
        }
    }
}
