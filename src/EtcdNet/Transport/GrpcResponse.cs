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
        if (response.StatusCode != System.Net.HttpStatusCode.OK)
        {
            if (headerStatus is { } s && s.Code != GrpcStatusCode.OK)
            {
                throw new GrpcCallException(s, CallFailureKind.Status, true, endpoint.Address);
            }

            var code = (int)response.StatusCode;
            throw GrpcStatus.FromHttpStatus(code) == GrpcStatusCode.Unavailable
                ? new GrpcCallException(new GrpcStatus(GrpcStatusCode.Unavailable, $"{endpoint} answered HTTP {code}."), CallFailureKind.Transport, true, endpoint.Address)
                : GrpcFailureMapper.NotGrpc(endpoint, $"it answered HTTP {code} {response.ReasonPhrase}", requestSent);
        }

        var contentType = response.Content.Headers.ContentType?.MediaType;
        if (contentType is null || !contentType.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase))
        {
            throw GrpcFailureMapper.NotGrpc(endpoint, $"it answered with content type '{contentType ?? "(none)"}' instead of application/grpc", requestSent);
        }

        endpoint.MarkSpokeGrpc();
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
