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

    /// <summary>The call loop; <paramref name="withToken"/> is false only for Authenticate itself.</summary>
    internal async Task<TResponse> UnaryAsync<TRequest, TResponse>(GrpcMethod<TRequest, TResponse> method, TRequest request, TimeSpan timeout, bool withToken, CancellationToken cancellationToken)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
    {
        cancellationToken.ThrowIfCancellationRequested();
        var hasDeadline = timeout != Timeout.InfiniteTimeSpan;
        using var deadline = hasDeadline ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken) : null;
        deadline?.CancelAfter(timeout);
        var token = deadline?.Token ?? cancellationToken;
        var started = Stopwatch.GetTimestamp();
        List<EndpointFailure>? failures = null;
        ulong tried = 0, unreachable = 0;
        string? lastEndpoint = null;
        var reauthenticated = false;
        var auth = withToken ? Auth : null;

        try
        {
            for (var attempt = 1; ; attempt++)
            {
                var (endpoint, index) = _pool.Pick(tried);
                lastEndpoint = endpoint.Address;
                var metadata = auth is null ? null : await auth.GetMetadataAsync(this, token).ConfigureAwait(false);
                try
                {
                    var headers = new CallHeaders(hasDeadline ? timeout - Stopwatch.GetElapsedTime(started) : null, metadata);
                    if ((!method.Repeatable || metadata is not null) && !endpoint.SpokeGrpc)
                    {
                        // Neither a write nor a token goes to a peer before it has answered in gRPC;
                        // the check itself carries no token.
                        await ConfirmGrpcAsync(endpoint, headers with { Metadata = null }, token).ConfigureAwait(false);
                    }

                    var rpc = RpcAttempt.Start(method.Service, method.Name, endpoint);
                    TResponse response;
                    try
                    {
                        response = await _transport.UnaryAsync(endpoint, method, request, headers, token).ConfigureAwait(false);
                    }
                    catch (Exception e) when (rpc is not null)
                    {
                        rpc.Stop(e, deadlineExpired: deadline is { IsCancellationRequested: true } && !cancellationToken.IsCancellationRequested);
                        throw;
                    }

                    rpc?.Stop(null);
                    _pool.ReportSuccess(index);
                    return response;
                }
                catch (GrpcCallException failure) when (auth is not null && !reauthenticated && AuthTokenProvider.IsStaleToken(failure))
                {
                    // etcd refused the token before applying anything: authenticate again, once, and repeat.
                    auth.Invalidate(metadata);
                    reauthenticated = true;
                    Diagnostics.Retrying(method.Path, attempt, endpoint, RetryReasons.StaleToken, failure);
                }
                catch (GrpcCallException failure)
                {
                    if (failure.Kind != CallFailureKind.Status)
                    {
                        _pool.ReportFailure(index, failure.Message);
                    }

                    var decision = RetryPolicy.Decide(failure, method.Repeatable);
                    if (decision == RetryDecision.Fail)
                    {
                        throw Diagnostics.GaveUp(method.Path, attempt, RetryReasons.NotRetryable, EtcdErrorMapper.ToPublic(failure, timeout, method.Repeatable));
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
                        throw Diagnostics.GaveUp(method.Path, attempt, RetryReasons.NoEndpointReachable, EtcdErrorMapper.NoEndpoint(failures));
                    }

                    if (attempt >= _maxAttempts)
                    {
                        throw Diagnostics.GaveUp(method.Path, attempt, RetryReasons.MaxAttempts, failure.Kind == CallFailureKind.Status ? EtcdErrorMapper.ToPublic(failure, timeout, method.Repeatable) : EtcdErrorMapper.NoEndpoint(failures));
                    }

                    Diagnostics.Retrying(method.Path, attempt, endpoint, RetryReasons.Of(failure), failure);

                    if (tried == _pool.AllMask)
                    {
                        tried = 0; // start another round over all endpoints
                    }

                    if (decision == RetryDecision.RetryAfterBackoff || tried == 0)
                    {
                        await Task.Delay(Backoff.Exponential(MinRetryDelay, MaxRetryDelay, attempt - 1), token).ConfigureAwait(false);
                    }
                }
            }
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested && deadline is { IsCancellationRequested: true })
        {
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
            await _transport.UnaryAsync(endpoint, MaintenanceMethods.Status, new StatusRequest(), headers, token).ConfigureAwait(false);
        }
        catch (GrpcCallException failure) when (failure.Kind == CallFailureKind.Status)
        {
            // It answered in gRPC: it speaks etcd's protocol.
        }
        catch (GrpcCallException failure)
        {
            // The write itself was never sent.
            throw new GrpcCallException(failure.Status, failure.Kind, requestSent: false, failure.Endpoint, failure.InnerException);
        }
    }
}
