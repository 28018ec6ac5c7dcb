using System.Net;
using System.Net.Http;
using Google.Protobuf;

namespace EtcdNet.Transport;

/// <summary>
/// gRPC over HTTP/2 on one <see cref="SocketsHttpHandler"/> shared by every endpoint of a client:
/// h2c with prior knowledge for <c>http://</c>, TLS with ALPN for <c>https://</c>. Calls fail with
/// <see cref="GrpcCallException"/>; cancellation surfaces as <see cref="OperationCanceledException"/>
/// and resets the HTTP/2 stream.
/// </summary>
internal sealed class GrpcTransport : ICallTransport
{
    private readonly HttpMessageInvoker _invoker;
    private readonly RequestDefaults _requests;
    private volatile bool _disposed;

    public GrpcTransport(TransportSettings settings)
    {
        Settings = settings;
        _requests = new RequestDefaults(settings);
        _invoker = new HttpMessageInvoker(HttpHandlerFactory.Create(settings), disposeHandler: true);
    }

    public TransportSettings Settings { get; }

    /// <summary>Sends one request message and reads exactly one response message.</summary>
    public async Task<TResponse> UnaryAsync<TRequest, TResponse>(
        GrpcEndpoint endpoint, GrpcMethod<TRequest, TResponse> method, TRequest message, CallHeaders headers, CancellationToken cancellationToken)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
    {
        ThrowIfDisposed();
        var content = new UnaryContent(message, Settings.MaxSendMessageSize);
        using var request = CreateRequest(endpoint, method.Path, content, headers);
        HttpResponseMessage? response = null;
        try
        {
            response = await _invoker.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var stream = await GrpcResponse.OpenAsync(response, endpoint, content.Started, streaming: false, cancellationToken).ConfigureAwait(false);
            var result = await GrpcFrameReader.ReadAsync(stream, method.Parser, Settings.MaxReceiveMessageSize, waitForData: false, cancellationToken).ConfigureAwait(false);
            if (result is not null
                && await GrpcFrameReader.ReadAsync(stream, method.Parser, Settings.MaxReceiveMessageSize, waitForData: false, cancellationToken).ConfigureAwait(false) is not null)
            {
                throw new GrpcCallException(new GrpcStatus(GrpcStatusCode.Internal, $"{endpoint} sent more than one message for unary {method}."), CallFailureKind.Transport, true, endpoint.Address);
            }

            GrpcResponse.ThrowIfFailed(response, endpoint);
            return result ?? throw new GrpcCallException(new GrpcStatus(GrpcStatusCode.Internal, $"{endpoint} sent no message for unary {method}."), CallFailureKind.Transport, true, endpoint.Address);
        }
        catch (Exception e) when (GrpcFailureMapper.Map(e, endpoint, content.Started, cancellationToken) is { } mapped && !ReferenceEquals(mapped, e))
        {
            throw mapped;
        }
        finally
        {
            response?.Dispose();
        }
    }

    /// <inheritdoc />
    public Task<(int StatusCode, byte[] Body)> GetAsync(GrpcEndpoint endpoint, string path, CancellationToken cancellationToken)
    {
        ThrowIfDisposed();
        return _requests.GetAsync(_invoker, endpoint, path, cancellationToken);
    }

    /// <summary>Starts a call whose responses are read as a stream; the request is one message (server streaming) or pushed later (duplex).</summary>
    public IGrpcStreamingCall<TRequest, TResponse> StartStreaming<TRequest, TResponse>(
        GrpcEndpoint endpoint, GrpcMethod<TRequest, TResponse> method, TRequest? firstAndOnlyMessage, CallHeaders headers, CancellationToken cancellationToken)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
    {
        ThrowIfDisposed();
        HttpContent content = firstAndOnlyMessage is null
            ? new PushStreamContent()
            : new UnaryContent(firstAndOnlyMessage, Settings.MaxSendMessageSize);
        var request = CreateRequest(endpoint, method.Path, content, headers);
        return new GrpcStreamingCall<TRequest, TResponse>(this, _invoker, request, endpoint, method, cancellationToken);
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed, Settings.Owner);

    public void Dispose()
    {
        _disposed = true;
        _invoker.Dispose();
    }

    private HttpRequestMessage CreateRequest(GrpcEndpoint endpoint, string path, HttpContent content, CallHeaders headers)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, endpoint.GetUri(path))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = content,
        };
        _requests.Apply(request, endpoint);
        headers.ApplyTo(request);
        return request;
    }
}
