using Google.Protobuf;

namespace EtcdNet.Transport;

/// <summary>
/// What the resilience layer needs from a transport: one unary exchange, or one streaming call, on one endpoint.
/// Failures surface as <see cref="GrpcCallException"/> (the transport's own status); cancellation by the caller's
/// token as <see cref="OperationCanceledException"/>. Nothing here retries, chooses endpoints or knows etcd errors.
/// </summary>
internal interface ICallTransport : IDisposable
{
    /// <summary>The size limits and timeouts the transport applies.</summary>
    TransportSettings Settings { get; }

    /// <summary>Sends one request message and reads exactly one response message.</summary>
    Task<TResponse> UnaryAsync<TRequest, TResponse>(
        GrpcEndpoint endpoint, GrpcMethod<TRequest, TResponse> method, TRequest message, CallHeaders headers, CancellationToken cancellationToken)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>;

    /// <summary>
    /// Sends a plain HTTP/1.1 GET for <paramref name="path"/> to the endpoint (etcd serves <c>/version</c> and
    /// <c>/metrics</c> next to gRPC), with the same TLS settings and server name as calls.
    /// </summary>
    /// <returns>The status code and the body.</returns>
    /// <exception cref="GrpcCallException">The endpoint could not be reached or the connection broke.</exception>
    Task<(int StatusCode, byte[] Body)> GetAsync(GrpcEndpoint endpoint, string path, CancellationToken cancellationToken);

    /// <summary>Starts a call whose responses are read as a stream; the request is one message (server streaming) or pushed later (duplex).</summary>
    IGrpcStreamingCall<TRequest, TResponse> StartStreaming<TRequest, TResponse>(
        GrpcEndpoint endpoint, GrpcMethod<TRequest, TResponse> method, TRequest? firstAndOnlyMessage, CallHeaders headers, CancellationToken cancellationToken)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>;
}
