using System.Net;
using System.Runtime.ExceptionServices;
using System.Text;
using System.Threading.Channels;
using Google.Protobuf;

namespace EtcdNet.Transport.Gateway;

/// <summary>
/// A stream through the JSON gateway. Over HTTP/1.1 the gateway stops reading a request body once it has begun to
/// answer (the rest of the body is dropped, and the stream ends early), so a stream is made of exchanges: one POST
/// whose body is one request message in JSON and whose response is one JSON line per response message. A
/// server-streaming call is one exchange; in a duplex call each request message is an exchange of its own (at most
/// <see cref="MaxExchanges"/> at once, the rest wait their turn), and the responses of all of them are read as one
/// stream, in the order they arrive. The call fails as soon as any exchange fails; it ends when its last exchange
/// ended after the request side was completed (or, for a server-streaming call, when its exchange ends).
/// </summary>
internal class GatewayStreamingCall<TRequest, TResponse> : IGrpcStreamingCall<TRequest, TResponse>
    where TRequest : class, IMessage<TRequest>
    where TResponse : class, IMessage<TResponse>
{
    /// <summary>How many exchanges of one call may run at once (each holds an HTTP/1.1 connection while it runs).</summary>
    private const int MaxExchanges = 8;

    private readonly GatewayTransport _transport;
    private readonly GrpcMethod<TRequest, TResponse> _method;
    private readonly string _route;
    private readonly CallHeaders _headers;
    private readonly CancellationTokenSource _cts;
    private readonly SemaphoreSlim _exchangeSlots = new(MaxExchanges);
    private readonly Channel<TResponse> _responses = Channel.CreateBounded<TResponse>(new BoundedChannelOptions(64) { SingleReader = true });
    private int _running;
    private int _disposed;
    private volatile bool _requestCompleted;

    public GatewayStreamingCall(GatewayTransport transport, GrpcEndpoint endpoint, GrpcMethod<TRequest, TResponse> method, string route, CallHeaders headers, CancellationToken cancellationToken)
    {
        _transport = transport;
        _method = method;
        _route = route;
        _headers = headers;
        Endpoint = endpoint;
        _cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
    }

    public GrpcEndpoint Endpoint { get; }

    /// <summary>Cancelled when the call ends (disposed, or failed).</summary>
    protected CancellationToken CallToken => _cts.Token;

    /// <summary>Starts the single exchange of a server-streaming call (nothing for a duplex one).</summary>
    public void Start(TRequest? firstAndOnlyMessage)
    {
        if (firstAndOnlyMessage is not null)
        {
            _requestCompleted = true;
            Exchange(firstAndOnlyMessage, 0, limited: false, _cts.Token);
        }
    }

    public ValueTask WriteAsync(TRequest message, CancellationToken cancellationToken) => WriteAsync([message], cancellationToken);

    public ValueTask WriteAsync(IReadOnlyList<TRequest> messages, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _disposed) != 0 || _cts.IsCancellationRequested)
        {
            throw new OperationCanceledException($"The {_method} call has ended.");
        }

        OnWrite(messages);
        return ValueTask.CompletedTask;
    }

    public void CompleteRequest()
    {
        _requestCompleted = true;
        if (Volatile.Read(ref _running) == 0)
        {
            _responses.Writer.TryComplete();
        }
    }

    public async ValueTask<TResponse?> ReadAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _responses.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false) && _responses.Reader.TryRead(out var response) ? response : null;
        }
        catch (ChannelClosedException closed) when (closed.InnerException is { } inner)
        {
            ExceptionDispatchInfo.Throw(inner);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _responses.Writer.TryComplete(new OperationCanceledException($"The {_method} call was disposed."));
        await _cts.CancelAsync().ConfigureAwait(false);
    }

    /// <summary>What a write does: by default, one exchange per message, a few at a time.</summary>
    protected virtual void OnWrite(IReadOnlyList<TRequest> messages)
    {
        foreach (var message in messages)
        {
            Exchange(message, 0, limited: true, _cts.Token);
        }
    }

    /// <summary>Adjusts a response of exchange <paramref name="exchange"/> before it is read (by default, not at all).</summary>
    protected virtual TResponse? Adjust(TResponse response, long exchange) => response;

    /// <summary>Whether an exchange that the server ended with status OK ends the whole call (by default, not while requests may follow).</summary>
    protected virtual bool EndsCall(long exchange) => false;

    /// <summary>Called once exchange <paramref name="exchange"/> has ended, however it ended (by default, nothing).</summary>
    protected virtual void OnExchangeEnded(long exchange)
    {
    }

    /// <summary>Hands a response made by the call itself to the reader.</summary>
    protected void Deliver(TResponse response) => _responses.Writer.TryWrite(response);

    /// <summary>
    /// Runs one exchange for <paramref name="message"/> in the background (checked and encoded before this returns, so
    /// the caller may reuse it); <paramref name="token"/> ends it quietly; <paramref name="limited"/> makes it wait for a slot.
    /// </summary>
    /// <exception cref="GrpcMessageTooLargeException">The message is over the send limit (nothing is sent), as on gRPC.</exception>
    protected void Exchange(TRequest message, long id, bool limited, CancellationToken token)
    {
        GrpcFrameWriter.MeasureChecked(message, _transport.Settings.MaxSendMessageSize);
        var content = new GatewayContent(GatewayJson.Encode(message));
        Interlocked.Increment(ref _running);
        _ = RunAsync(content, id, limited, token);
    }

    private async Task RunAsync(GatewayContent content, long id, bool limited, CancellationToken token)
    {
        var slot = false;
        try
        {
            if (limited)
            {
                await _exchangeSlots.WaitAsync(token).ConfigureAwait(false);
                slot = true;
            }

            await ReadExchangeAsync(content, id, token).ConfigureAwait(false);
            if (EndsCall(id) && !token.IsCancellationRequested)
            {
                _responses.Writer.TryComplete();
            }
        }
        catch (Exception) when (token.IsCancellationRequested)
        {
            // ended on purpose: by the call's end, or by the owner of this exchange
        }
        catch (Exception e)
        {
            var failure = GrpcFailureMapper.Map(e, Endpoint, content.Started, CancellationToken.None) ?? e;
            _responses.Writer.TryComplete(failure);
            await _cts.CancelAsync().ConfigureAwait(false);
        }
        finally
        {
            if (slot)
            {
                _exchangeSlots.Release();
            }

            OnExchangeEnded(id);
            if (Interlocked.Decrement(ref _running) == 0 && _requestCompleted)
            {
                _responses.Writer.TryComplete();
            }
        }
    }

    private async Task ReadExchangeAsync(GatewayContent content, long id, CancellationToken token)
    {
        var prefix = await _transport.PrefixAsync(Endpoint, token).ConfigureAwait(false);
        using var request = _transport.CreateRequest(Endpoint, prefix + _route, content, _headers);
        using var response = await _transport.Http.SendAsync(request, token).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.OK || !GatewayTransport.IsJson(response))
        {
            var body = await response.Content.ReadAsStringAsync(token).ConfigureAwait(false);
            throw GatewayTransport.Failure(Endpoint, response, ErrorIn(body), content.Started);
        }

        Endpoint.MarkSpokeGrpc();
        var lines = await response.Content.ReadAsStreamAsync(token).ConfigureAwait(false);
        using var reader = new System.IO.StreamReader(lines, Encoding.UTF8, detectEncodingFromByteOrderMarks: false);
        while (await reader.ReadLineAsync(token).ConfigureAwait(false) is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }

            var (result, error) = Chunk(line);
            if (error is { } status)
            {
                throw new GrpcCallException(status, CallFailureKind.Status, true, Endpoint.Address);
            }

            if (Adjust(GatewayTransport.Decode(Endpoint, _method.Parser, result!), id) is { } adjusted)
            {
                await _responses.Writer.WriteAsync(adjusted, token).ConfigureAwait(false);
            }
        }
    }

    /// <summary>One line of the response stream; a line that is neither a result nor an error means the peer is not etcd's gateway.</summary>
    private (string? Result, GrpcStatus? Error) Chunk(string line)
    {
        try
        {
            return GatewayJson.ReadChunk(line);
        }
        catch (System.Text.Json.JsonException e)
        {
            throw GrpcFailureMapper.NotGrpc(Endpoint, "a line of its stream is not a result or an error of etcd's JSON gateway", requestSent: true, e);
        }
    }

    /// <summary>The status in an error body: a stream's error line, or a unary error.</summary>
    private static GrpcStatus? ErrorIn(string body)
    {
        try
        {
            return GatewayJson.ReadChunk(body).Error ?? GatewayJson.ReadError(body);
        }
        catch (System.Text.Json.JsonException)
        {
            return GatewayJson.ReadError(body);
        }
    }
}
