using Google.Protobuf;

namespace EtcdNet.Transport;

/// <summary>
/// A server-streaming or duplex call in progress. One reader and (for duplex) any number of
/// writers, serialized. A write that fails or is cancelled aborts the whole call (a half-written
/// frame cannot be taken back). Disposing it before the server finished resets the HTTP/2 stream;
/// reads and writes in progress then end with <see cref="OperationCanceledException"/>.
/// </summary>
internal sealed class GrpcStreamingCall<TRequest, TResponse> : IGrpcStreamingCall<TRequest, TResponse>
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
    public ValueTask WriteAsync(TRequest message, CancellationToken cancellationToken)
        => WriteFramesAsync(message, static (stream, message, maxSize, token) => GrpcFrameWriter.WriteAsync(stream, message, maxSize, token), cancellationToken);

    /// <summary>Writes several request messages as one write and one flush (duplex calls only).</summary>
    public ValueTask WriteAsync(IReadOnlyList<TRequest> messages, CancellationToken cancellationToken)
        => WriteFramesAsync(messages, static (stream, messages, maxSize, token) => GrpcFrameWriter.WriteAllAsync(stream, messages, maxSize, token), cancellationToken);

    private async ValueTask WriteFramesAsync<TFrames>(TFrames frames, Func<Stream, TFrames, int, CancellationToken, ValueTask> write, CancellationToken cancellationToken)
    {
        if (_request.Content is not PushStreamContent push)
        {
            throw new InvalidOperationException($"{_method} does not stream requests.");
        }

        try
        {
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
                // The write itself runs on the call's token: cancelling it half-way would corrupt the stream.
                await write(stream, frames, _transport.Settings.MaxSendMessageSize, _cts.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not GrpcMessageTooLargeException)
            {
                await _cts.CancelAsync().ConfigureAwait(false); // the request stream is unusable now
                throw;
            }
            finally
            {
                _writeLock.Release();
            }
        }
        catch (Exception e) when (Translate(e, requestSent: true, cancellationToken) is { } translated)
        {
            throw translated;
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
        catch (Exception e) when (Translate(e, requestSent: true, cancellationToken) is { } translated)
        {
            throw translated;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _cts.CancelAsync().ConfigureAwait(false);
        if (_request.Content is PushStreamContent push)
        {
            push.Abort();
        }

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
    }

    private async ValueTask<Stream> EnsureResponseAsync(CancellationToken cancellationToken)
    {
        _response = await _responseTask.WaitAsync(cancellationToken).ConfigureAwait(false);
        _responseStream = await GrpcResponse.OpenAsync(_response, Endpoint, RequestStarted, streaming: true, cancellationToken).ConfigureAwait(false);
        return _responseStream;
    }

    private bool RequestStarted => _request.Content switch
    {
        UnaryContent unary => unary.Started,
        PushStreamContent push => push.StreamReady.IsCompletedSuccessfully,
        _ => true,
    };

    /// <summary>
    /// The exception to surface instead of <paramref name="e"/>, or null to let it through: the
    /// caller's cancellation as is; anything after disposal as cancellation; the rest mapped to a status.
    /// </summary>
    private Exception? Translate(Exception e, bool requestSent, CancellationToken cancellationToken)
    {
        if (e is GrpcCallException || (e is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            return null;
        }

        if (Volatile.Read(ref _disposed) != 0)
        {
            return e is OperationCanceledException ? null : new OperationCanceledException($"The {_method} call was disposed.", e);
        }

        if (_cts.IsCancellationRequested)
        {
            // The call was aborted by a failed write; report the failure, not the abort.
            return new GrpcCallException(new GrpcStatus(GrpcStatusCode.Unavailable, $"{_method} on {Endpoint} was aborted: {e.Message}"), CallFailureKind.Transport, requestSent && RequestStarted, Endpoint.Address, e);
        }

        var mapped = GrpcFailureMapper.Map(e, Endpoint, requestSent && RequestStarted, cancellationToken);
        return ReferenceEquals(mapped, e) ? null : mapped;
    }
}
