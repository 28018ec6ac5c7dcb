using System.Diagnostics;
using EtcdNet.Auth;
using EtcdNet.Diagnostics;
using EtcdNet.Errors;
using EtcdNet.Maintenance;
using EtcdNet.Protocol.Rpc;
using EtcdNet.Transport;
using Google.Protobuf;

namespace EtcdNet.Resilience;

/// <summary>
/// Runs unary RPCs: picks an endpoint, applies the client's request timeout as a deadline, retries
/// according to <see cref="RetryPolicy"/>, and turns failures into public exceptions.
/// </summary>
internal sealed class RpcInvoker
{
    private static readonly TimeSpan MinRetryDelay = TimeSpan.FromMilliseconds(25);
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(1);

    private readonly GrpcTransport _transport;
    private readonly EndpointPool _pool;
    private readonly TimeSpan _requestTimeout;
    private readonly int _maxAttempts;

    public RpcInvoker(GrpcTransport transport, EndpointPool pool, TimeSpan requestTimeout, int maxAttempts)
    {
        _transport = transport;
        _pool = pool;
        _requestTimeout = requestTimeout;
        _maxAttempts = maxAttempts;
    }

    public EndpointPool Pool => _pool;

    public GrpcTransport Transport => _transport;

    public TimeSpan RequestTimeout => _requestTimeout;

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
        => RunAsync(method, (_transport, method, request), SendUnary, timeout, withToken, pinned: null, cancellationToken);

    /// <summary>
    /// Runs a unary RPC on <paramref name="endpoint"/> only (a member's own status, defragmentation, hashes): the
    /// client's request timeout, token and telemetry apply, but a failure is reported at once, never retried elsewhere.
    /// </summary>
    public Task<TResponse> UnaryAtAsync<TRequest, TResponse>(GrpcEndpoint endpoint, GrpcMethod<TRequest, TResponse> method, TRequest request, CancellationToken cancellationToken)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
        => RunAsync(method, (_transport, method, request), SendUnary, _requestTimeout, withToken: true, endpoint, cancellationToken);

    private static Task<TResponse> SendUnary<TRequest, TResponse>((GrpcTransport Transport, GrpcMethod<TRequest, TResponse> Method, TRequest Request) call, GrpcEndpoint endpoint, CallHeaders headers, CancellationToken token)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
        => call.Transport.UnaryAsync(endpoint, call.Method, call.Request, headers, token);

    /// <summary>
    /// The call loop around one <paramref name="attempt"/> (a unary call, or a short exchange on a stream of
    /// <paramref name="method"/>): endpoint choice, deadline, token, retries by <see cref="RetryPolicy"/>, telemetry,
    /// and public exceptions. With <paramref name="pinned"/>, only that endpoint is used and nothing is retried but a
    /// refused token.
    /// </summary>
    public async Task<TResult> RunAsync<TRequest, TResponse, TState, TResult>(
        GrpcMethod<TRequest, TResponse> method,
        TState state,
        Func<TState, GrpcEndpoint, CallHeaders, CancellationToken, Task<TResult>> attempt,
        TimeSpan timeout,
        bool withToken,
        GrpcEndpoint? pinned,
        CancellationToken cancellationToken)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(attempt);
        cancellationToken.ThrowIfCancellationRequested();
        var hasDeadline = timeout != Timeout.InfiniteTimeSpan;
        using var deadline = hasDeadline ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken) : null;
        deadline?.CancelAfter(timeout);
        var token = deadline?.Token ?? cancellationToken;
        var started = Stopwatch.GetTimestamp();
        List<EndpointFailure>? failures = null;
        ulong tried = 0, unreachable = 0;
        string? lastEndpoint = null;
        GrpcEndpoint? waiting = null; // the pooled endpoint an attempt is waiting on, if any, and since when
        var waitingSince = 0L;
        var reauthenticated = false;
        var auth = withToken ? Auth : null;

        try
        {
            for (var attemptNumber = 1; ; attemptNumber++)
            {
                var (endpoint, index) = pinned is null ? _pool.Pick(tried) : (pinned, -1);
                lastEndpoint = endpoint.Address;
                var metadata = auth is null ? null : await auth.GetMetadataAsync(this, token).ConfigureAwait(false);
                try
                {
                    var headers = new CallHeaders(hasDeadline ? timeout - Stopwatch.GetElapsedTime(started) : null, metadata);
                    (waiting, waitingSince) = index >= 0 ? (endpoint, Stopwatch.GetTimestamp()) : (null, 0L);
                    if ((!method.Repeatable || metadata is not null) && !endpoint.SpokeGrpc)
                    {
                        // Neither a write nor a token goes to a peer before it has answered in gRPC;
                        // the check itself carries no token.
                        await ConfirmGrpcAsync(endpoint, headers with { Metadata = null }, token).ConfigureAwait(false);
                    }

                    var rpc = RpcAttempt.Start(method.Service, method.Name, endpoint);
                    TResult response;
                    try
                    {
                        response = await attempt(state, endpoint, headers, token).ConfigureAwait(false);
                    }
                    catch (Exception e) when (rpc is not null)
                    {
                        rpc.Stop(e, deadlineExpired: deadline is { IsCancellationRequested: true } && !cancellationToken.IsCancellationRequested);
                        throw;
                    }

                    rpc?.Stop(null);
                    waiting = null;
                    if (index >= 0)
                    {
                        _pool.ReportSuccess(index);
                    }
                    else
                    {
                        _pool.ReportSuccess(endpoint); // addressed to a member the pool may have set aside: it answers again
                    }

                    return response;
                }
                catch (GrpcCallException failure) when (withToken && !reauthenticated && AuthTokenProvider.IsStaleToken(failure))
                {
                    waiting = null;
                    // etcd refused the call's auth (a token, or the user of a client certificate, checked against an
                    // auth store that changed meanwhile) before applying anything: authenticate again when the client
                    // has credentials, and repeat, once.
                    auth?.Invalidate(metadata);
                    reauthenticated = true;
                    Diagnostics.Retrying(method.Path, attemptNumber, endpoint, RetryReasons.StaleToken, failure);
                }
                catch (GrpcCallException failure) when (pinned is not null)
                {
                    throw EtcdErrorMapper.ToPublic(failure, timeout, method.Repeatable);
                }
                catch (GrpcCallException failure)
                {
                    waiting = null;
                    if (failure.Kind != CallFailureKind.Status)
                    {
                        _pool.ReportFailure(index, failure.Message);
                    }

                    var decision = RetryPolicy.Decide(failure, method.Repeatable);
                    if (decision == RetryDecision.Fail)
                    {
                        throw Diagnostics.GaveUp(method.Path, attemptNumber, RetryReasons.NotRetryable, EtcdErrorMapper.ToPublic(failure, timeout, method.Repeatable));
                    }

                    (failures ??= []).Add(new EndpointFailure(endpoint.Address, failure.Message, failure));
                    tried &= _pool.AllMask; // endpoints replaced meanwhile no longer count
                    unreachable &= _pool.AllMask;
                    tried |= 1UL << index;
                    if (failure.Kind is CallFailureKind.Connect or CallFailureKind.Protocol)
                    {
                        unreachable |= 1UL << index;
                    }

                    if (unreachable == _pool.AllMask)
                    {
                        // Every endpoint refused, timed out connecting, or is not etcd: nobody can answer.
                        throw Diagnostics.GaveUp(method.Path, attemptNumber, RetryReasons.NoEndpointReachable, EtcdErrorMapper.NoEndpoint(failures));
                    }

                    if (attemptNumber >= _maxAttempts)
                    {
                        throw Diagnostics.GaveUp(method.Path, attemptNumber, RetryReasons.MaxAttempts, failure.Kind == CallFailureKind.Status ? EtcdErrorMapper.ToPublic(failure, timeout, method.Repeatable) : EtcdErrorMapper.NoEndpoint(failures));
                    }

                    Diagnostics.Retrying(method.Path, attemptNumber, endpoint, RetryReasons.Of(failure), failure);

                    if (tried == _pool.AllMask)
                    {
                        tried = 0; // start another round over all endpoints
                    }

                    if (decision == RetryDecision.RetryAfterBackoff || tried == 0)
                    {
                        await Task.Delay(Backoff.Exponential(MinRetryDelay, MaxRetryDelay, attemptNumber - 1), token).ConfigureAwait(false);
                    }
                }
            }
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested && deadline is { IsCancellationRequested: true })
        {
            if (waiting is not null && timeout == _requestTimeout && _pool.Count > 1 && Stopwatch.GetElapsedTime(waitingSince) >= timeout / 2)
            {
                // An ordinary call (not one that waits by design, such as a lock) waited most of its time on one endpoint
                // without an answer: the member may hang. It goes on probation; the background check lets it back as
                // soon as it answers.
                _pool.ReportSilence(waiting, $"no answer within the request timeout ({timeout.TotalMilliseconds:0} ms)");
            }

            throw new EtcdTimeoutException(timeout, lastEndpoint, e);
        }
        catch (OperationCanceledException e) when (cancellationToken.IsCancellationRequested && e.CancellationToken != cancellationToken)
        {
            throw new OperationCanceledException("The etcd call was cancelled.", e, cancellationToken);
        }
    }

    /// <summary>
    /// Before the first write to an endpoint that has never answered in gRPC, checks with a repeatable
    /// call (Status) that it is etcd. A peer that is not (a web server, a proxy that fails) then costs
    /// a harmless read instead of a write whose fate is unknown. Any gRPC answer, even an error, proves it.
    /// </summary>
    private async Task ConfirmGrpcAsync(GrpcEndpoint endpoint, CallHeaders headers, CancellationToken token)
    {
        try
        {
            await EndpointProbe.StatusAnsweredAsync(_transport, endpoint, headers, token).ConfigureAwait(false);
        }
        catch (GrpcCallException failure)
        {
            // The write itself was never sent.
            throw new GrpcCallException(failure.Status, failure.Kind, requestSent: false, failure.Endpoint, failure.InnerException);
        }
    }
}
