using Google.Protobuf;

namespace EtcdNet.Transport;

/// <summary>
/// A server-streaming or duplex call in progress. One reader and (for duplex) any number of
/// writers, serialized. Disposing it before the server finished resets the HTTP/2 stream.
/// </summary>
internal sealed class GrpcStreamingCall<TRequest, TResponse> : IAsyncDisposable
    where TRequest : class, IMessage<TRequest>
    where TResponse : class, IMessage<TResponse>
{
    private readonly GrpcTransport _transport;
    private readonly HttpRequestMessage _request;
    private readonly GrpcMethod<TRequest, TResponse> _method;
    private readonly CancellationTokenSource _cts;
    private readonly Task<HttpResponseMessage> _responseTask;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private HttpResponseMessage? _response;
    private Stream? _responseStream;
    private int _disposed;

    internal GrpcStreamingCall(GrpcTransport transport, HttpMessageInvoker invoker, HttpRequestMessage request, GrpcEndpoint endpoint, GrpcMethod<TRequest, TResponse> method, CancellationToken cancellationToken)
    {
        _transport = transport;
        _request = request;
        _method = method;
        Endpoint = endpoint;
        _cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _responseTask = invoker.SendAsync(request, _cts.Token);
    }

    public GrpcEndpoint Endpoint { get; }

    /// <summary>Writes one request message (duplex calls only).</summary>
    public async ValueTask WriteAsync(TRequest message, CancellationToken cancellationToken)
    {
        if (_request.Content is not PushStreamContent push)
        {
            throw new InvalidOperationException($"{_method} does not stream requests.");
        }

        var streamReady = push.StreamReady;
        if (!streamReady.IsCompleted)
        {
            await Task.WhenAny(streamReady, _responseTask).WaitAsync(cancellationToken).ConfigureAwait(false);
            if (!streamReady.IsCompleted)
            {
                // The call ended before the request body started: surface why.
                await EnsureResponseAsync(cancellationToken).ConfigureAwait(false);
                throw new GrpcCallException(new GrpcStatus(GrpcStatusCode.Unavailable, $"{Endpoint} ended {_method} before the request was sent."), CallFailureKind.Transport, false, Endpoint.Address);
            }
        }

        var stream = await streamReady.ConfigureAwait(false);
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await GrpcFrameWriter.WriteAsync(stream, message, _transport.Settings.MaxSendMessageSize, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (!_cts.IsCancellationRequested && GrpcFailureMapper.Map(e, Endpoint, requestSent: true, cancellationToken) is { } mapped && !ReferenceEquals(mapped, e))
        {
            throw mapped;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>Ends the request side (half-close) of a duplex call.</summary>
    public void CompleteRequest() => (_request.Content as PushStreamContent)?.Complete();

    /// <summary>Reads the next response; null when the server ended the call with status OK.</summary>
    public async ValueTask<TResponse?> ReadAsync(CancellationToken cancellationToken)
    {
        try
        {
            var stream = _responseStream ?? await EnsureResponseAsync(cancellationToken).ConfigureAwait(false);
            var message = await GrpcFrameReader.ReadAsync(stream, _method.Parser, _transport.Settings.MaxReceiveMessageSize, waitForData: true, cancellationToken).ConfigureAwait(false);
            if (message is null)
            {
                GrpcResponse.ThrowIfFailed(_response!, Endpoint);
            }

            return message;
        }
        catch (Exception e) when (!_cts.IsCancellationRequested && GrpcFailureMapper.Map(e, Endpoint, requestSent: true, cancellationToken) is { } mapped && !ReferenceEquals(mapped, e))
        {
            throw mapped;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        if (_request.Content is PushStreamContent push)
        {
            push.Abort(new ObjectDisposedException(nameof(GrpcStreamingCall<TRequest, TResponse>)));
        }

        await _cts.CancelAsync().ConfigureAwait(false);
        (_request.Content as PushStreamContent)?.Complete();
        try
        {
            using var response = await _responseTask.ConfigureAwait(false);
        }
        catch (Exception)
        {
            // The call is being torn down; its outcome no longer matters.
        }

        _response?.Dispose();
        _request.Dispose();
        _cts.Dispose();
        _writeLock.Dispose();
    }

    private async ValueTask<Stream> EnsureResponseAsync(CancellationToken cancellationToken)
    {
        bool sent = _request.Content is not UnaryContent unary || unary.Started;
        try
        {
            _response = await _responseTask.WaitAsync(cancellationToken).ConfigureAwait(false);
            _responseStream = await GrpcResponse.OpenAsync(_response, Endpoint, cancellationToken).ConfigureAwait(false);
            return _responseStream;
        }
        catch (Exception e) when (!_cts.IsCancellationRequested && GrpcFailureMapper.Map(e, Endpoint, sent && (_request.Content is not PushStreamContent p || p.StreamReady.IsCompleted), cancellationToken) is { } mapped && !ReferenceEquals(mapped, e))
        {
            throw mapped;
        }
    }
}
