using EtcdNet.Auth;
using EtcdNet.Diagnostics;
using EtcdNet.Transport;
using Google.Protobuf;

namespace EtcdNet.Resilience;

/// <summary>
/// Runs unary RPCs: picks an endpoint, applies the client's request timeout as a deadline, attaches the token,
/// repeats what <see cref="FailurePolicy"/> says may be repeated, and turns failures into public exceptions.
/// Streams take their endpoint, token and backoff from here too.
/// </summary>
internal sealed partial class RpcInvoker
{
    private readonly ICallTransport _transport;
    private readonly EndpointPool _pool;
    private readonly TimeSpan _requestTimeout;

    public RpcInvoker(ICallTransport transport, EndpointPool pool, TimeSpan requestTimeout, EtcdRetryOptions retry, TimeProvider time)
    {
        _transport = transport;
        _pool = pool;
        _requestTimeout = requestTimeout;
        Retry = retry;
        Time = time;
    }

    public EndpointPool Pool => _pool;

    public ICallTransport Transport => _transport;

    public TimeSpan RequestTimeout => _requestTimeout;

    /// <summary>Attempts and backoffs.</summary>
    public EtcdRetryOptions Retry { get; }

    /// <summary>The clock of every deadline and backoff.</summary>
    public TimeProvider Time { get; }

    /// <summary>
    /// Whether unary calls ask etcd to refuse them when their member has no leader (the <c>hasleader</c> metadata, as
    /// Go's WithRequireLeader): they then fail at once with the no-leader error instead of waiting for an election.
    /// </summary>
    public bool RequireLeader { get; init; }

    /// <summary>etcd's metadata for "answer only with a leader".</summary>
    internal static readonly IReadOnlyList<KeyValuePair<string, string>> LeaderRequired = [new("hasleader", "true")];

    /// <summary>The token source when the client has credentials; null otherwise.</summary>
    public AuthTokenProvider? Auth { get; init; }

    /// <summary>The client's loggers and reporting calls.</summary>
    public ClientDiagnostics Diagnostics { get; init; } = ClientDiagnostics.Disabled;

    /// <summary>Headers for a stream about to be (re)opened: <paramref name="baseHeaders"/> plus a current token when the client has credentials.</summary>
    public async ValueTask<CallHeaders> StreamHeadersAsync(CallHeaders baseHeaders, CancellationToken cancellationToken)
    {
        if (Auth is null)
        {
            return baseHeaders;
        }

        var token = await Auth.GetMetadataAsync(this, cancellationToken).ConfigureAwait(false);
        return new CallHeaders(baseHeaders.Timeout, [.. baseHeaders.Metadata ?? [], .. token]);
    }

    /// <summary>Waits the stream reconnection backoff after <paramref name="failures"/> consecutive failures; returns early (without throwing) when cancelled.</summary>
    public async Task StreamBackoffAsync(int failures, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(Retry.StreamBackoff.Next(failures), Time, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // the owner checks its token
        }
    }

    public Task<TResponse> UnaryAsync<TRequest, TResponse>(GrpcMethod<TRequest, TResponse> method, TRequest request, CancellationToken cancellationToken)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
        => UnaryAsync(method, request, _requestTimeout, cancellationToken);

    /// <summary>
    /// Runs a unary RPC with a deadline of its own instead of the client's request timeout, for calls
    /// that wait by design (acquiring a lock, campaigning); <see cref="Timeout.InfiniteTimeSpan"/> for none.
    /// </summary>
    public Task<TResponse> UnaryAsync<TRequest, TResponse>(GrpcMethod<TRequest, TResponse> method, TRequest request, TimeSpan timeout, CancellationToken cancellationToken)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
        => UnaryAsync(method, request, timeout, withToken: true, cancellationToken);

    /// <summary>The unary call loop; <paramref name="withToken"/> is false only for Authenticate itself.</summary>
    internal Task<TResponse> UnaryAsync<TRequest, TResponse>(GrpcMethod<TRequest, TResponse> method, TRequest request, TimeSpan timeout, bool withToken, CancellationToken cancellationToken)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
        => RunAsync(method, (_transport, method, request), SendUnary, timeout, withToken, pinned: null, persistent: false, cancellationToken);

    /// <summary>
    /// Runs a repeatable unary RPC with no attempt limit and no deadline of its own: it is repeated by the failure
    /// table until it succeeds, fails for a reason no retry can cure, or <paramref name="cancellationToken"/> is
    /// cancelled (for clean-ups that must ride out a failover, with a token that bounds them).
    /// </summary>
    public Task<TResponse> UnaryUntilCancelledAsync<TRequest, TResponse>(GrpcMethod<TRequest, TResponse> method, TRequest request, CancellationToken cancellationToken)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
        => RunAsync(method, (_transport, method, request), SendUnary, Timeout.InfiniteTimeSpan, withToken: true, pinned: null, persistent: true, cancellationToken);

    /// <summary>
    /// Runs a unary RPC on <paramref name="endpoint"/> only (a member's own status, defragmentation, hashes): the
    /// client's request timeout, token and telemetry apply, but a failure is reported at once, never retried elsewhere.
    /// </summary>
    public Task<TResponse> UnaryAtAsync<TRequest, TResponse>(GrpcEndpoint endpoint, GrpcMethod<TRequest, TResponse> method, TRequest request, CancellationToken cancellationToken)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
        => RunAsync(method, (_transport, method, request), SendUnary, _requestTimeout, withToken: true, endpoint, persistent: false, cancellationToken);

    private static Task<TResponse> SendUnary<TRequest, TResponse>((ICallTransport Transport, GrpcMethod<TRequest, TResponse> Method, TRequest Request) call, GrpcEndpoint endpoint, CallHeaders headers, CancellationToken token)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
        => call.Transport.UnaryAsync(endpoint, call.Method, call.Request, headers, token);
}
