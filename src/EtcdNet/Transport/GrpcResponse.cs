namespace EtcdNet.Transport;

/// <summary>Checks a gRPC response's headers and trailers.</summary>
internal static class GrpcResponse
{
    /// <summary>
    /// Validates status line and content type, fails on a trailers-only error response, and opens
    /// the body. A response that is not gRPC means the endpoint is not etcd.
    /// </summary>
    public static async ValueTask<Stream> OpenAsync(HttpResponseMessage response, GrpcEndpoint endpoint, bool requestSent, bool streaming, CancellationToken cancellationToken)
    {
        var headerStatus = GrpcStatus.TryRead(response.Headers);
        CheckHead((int)response.StatusCode, response.ReasonPhrase, headerStatus, response.Content.Headers.ContentType?.MediaType, endpoint, requestSent);
        if (headerStatus is { } trailersOnly)
        {
            if (streaming && trailersOnly.Code == GrpcStatusCode.OK)
            {
                return Stream.Null; // a stream that ended with no messages
            }

            throw trailersOnly.Code == GrpcStatusCode.OK
                ? new GrpcCallException(new GrpcStatus(GrpcStatusCode.Internal, $"{endpoint} ended the call without a message."), CallFailureKind.Transport, true, endpoint.Address)
                : new GrpcCallException(trailersOnly, CallFailureKind.Status, true, endpoint.Address);
        }

        return await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Checks a response's head: HTTP 200 (else the error status the headers carry, Unavailable for the HTTP codes
    /// that mean it, or "not etcd") and a gRPC content type; then the endpoint is known to speak gRPC.
    /// </summary>
    public static void CheckHead(int httpStatus, string? reasonPhrase, GrpcStatus? headerStatus, string? contentType, GrpcEndpoint endpoint, bool requestSent)
    {
        if (httpStatus != 200)
        {
            if (headerStatus is { Code: not GrpcStatusCode.OK } status)
            {
                throw new GrpcCallException(status, CallFailureKind.Status, true, endpoint.Address);
            }

            throw GrpcStatus.FromHttpStatus(httpStatus) == GrpcStatusCode.Unavailable
                ? new GrpcCallException(new GrpcStatus(GrpcStatusCode.Unavailable, $"{endpoint} answered HTTP {httpStatus}."), CallFailureKind.Transport, true, endpoint.Address)
                : GrpcFailureMapper.NotGrpc(endpoint, $"it answered HTTP {httpStatus}{(reasonPhrase is null ? "" : " " + reasonPhrase)}", requestSent);
        }

        if (contentType is null || !contentType.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase))
        {
            throw GrpcFailureMapper.NotGrpc(endpoint, $"it answered with content type '{contentType ?? "(none)"}' instead of application/grpc", requestSent);
        }

        endpoint.MarkSpokeGrpc();
    }

    /// <summary>After the body ended: throws unless the trailers carry status OK.</summary>
    public static void ThrowIfFailed(HttpResponseMessage response, GrpcEndpoint endpoint)
    {
        var status = GrpcStatus.TryRead(response.TrailingHeaders)
            ?? GrpcStatus.TryRead(response.Headers)
            ?? new GrpcStatus(GrpcStatusCode.Internal, $"{endpoint} ended the response without a grpc-status trailer.");
        if (status.Code != GrpcStatusCode.OK)
        {
            throw new GrpcCallException(status, CallFailureKind.Status, true, endpoint.Address);
        }
    }
}
