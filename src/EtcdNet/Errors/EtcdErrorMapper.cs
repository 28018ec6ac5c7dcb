using EtcdNet.Transport;

namespace EtcdNet.Errors;

/// <summary>Turns a failed call into the public exception the caller sees.</summary>
internal static class EtcdErrorMapper
{
    private const string GatewayHint =
        " If only HTTP/1.1 reaches etcd (through a proxy or load balancer), use its JSON gateway: EtcdClientOptions.Protocol = EtcdProtocol.JsonGateway.";

    /// <param name="failure">The failed call.</param>
    /// <param name="timeout">The call's deadline, for timeout errors.</param>
    /// <param name="repeatable">Whether the RPC is safe to repeat; a non-repeatable one that may have reached the server has an unknown outcome.</param>
    public static Exception ToPublic(GrpcCallException failure, TimeSpan timeout, bool repeatable)
    {
        ArgumentNullException.ThrowIfNull(failure);
        var status = failure.Status;
        var message = status.Message ?? status.Code.ToString();
        switch (failure.Kind)
        {
            case CallFailureKind.Protocol:
                return new EtcdProtocolException(WithGatewayHint(message, failure), status.Code, failure.Endpoint, failure);
            case CallFailureKind.Connect:
                return new EtcdUnavailableException([new EndpointFailure(failure.Endpoint, message, failure)]);
            case CallFailureKind.Transport when failure.RequestSent && !repeatable:
                return new EtcdOutcomeUnknownException(
                    $"{message}. The request may have been applied; it was not sent again.", failure.Endpoint, failure);
            case CallFailureKind.Transport:
                return new EtcdException(message, status.Code, null, failure.Endpoint, failure);
        }

        // etcd handlers return Go's context errors as plain errors, which gRPC sends as Unknown.
        if (status.Code == GrpcStatusCode.DeadlineExceeded || status.Message == "context deadline exceeded")
        {
            return new EtcdTimeoutException(timeout, failure.Endpoint, failure);
        }

        if (status.Message == EtcdCompactedException.WireMessage)
        {
            return new EtcdCompactedException(message, compactRevision: 0, status.Message, failure.Endpoint);
        }

        if (EtcdErrorCatalog.TryCreate(status.Message, failure.Endpoint) is { } known)
        {
            return known;
        }

        if (status.Code == GrpcStatusCode.Unimplemented)
        {
            return new EtcdProtocolException(
                $"{failure.Endpoint} does not implement this etcd API ({message}). It is not an etcd v3 server, or an etcd version without this RPC.",
                status.Code, failure.Endpoint, failure);
        }

        return new EtcdException(message, status.Code, status.Message, failure.Endpoint, failure);
    }

    /// <summary>The error for a request the client refused to send because of its size.</summary>
    public static EtcdRequestTooLargeException TooLarge(GrpcMessageTooLargeException error)
        => new($"{error.Message} (EtcdClientOptions.MaxSendMessageSize).");

    /// <summary>The error for a call that no endpoint could serve.</summary>
    public static Exception NoEndpoint(IReadOnlyList<EndpointFailure> failures)
    {
        // When every endpoint answered but none is etcd, say exactly that.
        if (failures.Count > 0 && failures.All(f => f.Exception is GrpcCallException { Kind: CallFailureKind.Protocol }))
        {
            var first = (GrpcCallException)failures[0].Exception!;
            return failures.Count == 1
                ? new EtcdProtocolException(WithGatewayHint(first.Status.Message!, first), first.Status.Code, first.Endpoint, first)
                : new EtcdProtocolException("No endpoint is an etcd gRPC server: " + string.Join("; ", failures), GrpcStatusCode.Unavailable, null, first);
        }

        return new EtcdUnavailableException(failures);
    }

    /// <summary>Adds how to get through when the endpoint answered in HTTP/1.1.</summary>
    private static string WithGatewayHint(string message, GrpcCallException failure)
        => failure.Fault == ConnectionFault.NotHttp2 ? message + GatewayHint : message;
}
