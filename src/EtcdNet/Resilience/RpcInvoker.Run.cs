using EtcdNet.Diagnostics;
using EtcdNet.Errors;
using EtcdNet.Transport;
using Google.Protobuf;

namespace EtcdNet.Resilience;

/// <summary>The call loop, in steps: choose an endpoint, attach the token, send, classify the outcome, decide, back off.</summary>
internal sealed partial class RpcInvoker
{
    /// <summary>
    /// The call loop around one <paramref name="attempt"/> (a unary call, or a short exchange on a stream of
    /// <paramref name="method"/>). With <paramref name="pinned"/>, only that endpoint is used. With
    /// <paramref name="persistent"/>, there is no attempt limit and no stop when no endpoint is reachable: the
    /// deadline or the caller ends the call.
    /// </summary>
    public async Task<TResult> RunAsync<TRequest, TResponse, TState, TResult>(
        GrpcMethod<TRequest, TResponse> method,
        TState state,
        Func<TState, GrpcEndpoint, CallHeaders, CancellationToken, Task<TResult>> attempt,
        TimeSpan timeout,
        bool withToken,
        GrpcEndpoint? pinned,
        bool persistent,
        CancellationToken cancellationToken)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(attempt);
        cancellationToken.ThrowIfCancellationRequested();
        var kind = pinned is not null ? CallKind.Member : method.Repeatable ? CallKind.Read : CallKind.Write;
        using var call = new UnaryCall(kind, timeout, Time, cancellationToken) { Persistent = persistent, RequiresLeader = RequireLeader || EtcdCallScope.IsLeaderRequired };
        try
        {
            while (true)
            {
                var (endpoint, index) = pinned is null ? _pool.Pick(call.Tried) : (pinned, -1);
                call.LastEndpoint = endpoint.Address;
                var metadata = withToken && Auth is not null ? await Auth.GetMetadataAsync(this, call.Token).ConfigureAwait(false) : null;
                try
                {
                    var result = await SendAsync(method, state, attempt, call, endpoint, index >= 0, metadata).ConfigureAwait(false);
                    Succeeded(endpoint, index);
                    return result;
                }
                catch (GrpcCallException failure)
                {
                    call.StopWaiting();
                    await OnFailureAsync(method.Path, call, failure, endpoint, index, metadata).ConfigureAwait(false);
                }
            }
        }
        catch (GrpcMessageTooLargeException e)
        {
            throw EtcdErrorMapper.TooLarge(e);
        }
        catch (OperationCanceledException e) when (call.DeadlinePassed)
        {
            ReportSilence(call);
            throw new EtcdTimeoutException(timeout, call.LastEndpoint, e);
        }
        catch (OperationCanceledException e) when (cancellationToken.IsCancellationRequested && e.CancellationToken != cancellationToken)
        {
            throw new OperationCanceledException("The etcd call was cancelled.", e, cancellationToken);
        }
    }

    /// <summary>One attempt: confirms the endpoint speaks gRPC when that matters, sends, and records telemetry.</summary>
    private async Task<TResult> SendAsync<TRequest, TResponse, TState, TResult>(
        GrpcMethod<TRequest, TResponse> method, TState state, Func<TState, GrpcEndpoint, CallHeaders, CancellationToken, Task<TResult>> attempt,
        UnaryCall call, GrpcEndpoint endpoint, bool pooled, IReadOnlyList<KeyValuePair<string, string>>? metadata)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
    {
        var headers = new CallHeaders(call.TimeLeft is var left && left != Timeout.InfiniteTimeSpan ? left : null, call.RequiresLeader ? WithLeaderRequired(metadata) : metadata);
        call.StartWaiting(endpoint, pooled);
        if ((!method.Repeatable || metadata is not null) && !endpoint.SpokeGrpc)
        {
            // Neither a write nor a token goes to a peer before it has answered in gRPC; the check carries no token.
            await ConfirmGrpcAsync(endpoint, headers with { Metadata = null }, call.Token).ConfigureAwait(false);
        }

        var rpc = RpcAttempt.Start(method.Service, method.Name, endpoint);
        try
        {
            var result = await attempt(state, endpoint, headers, call.Token).ConfigureAwait(false);
            rpc?.Stop(null);
            call.StopWaiting();
            return result;
        }
        catch (Exception e) when (rpc is not null)
        {
            rpc.Stop(e, deadlineExpired: call.DeadlinePassed);
            throw;
        }
    }

    /// <summary>The call's metadata with etcd's "require a leader" flag added.</summary>
    private static IReadOnlyList<KeyValuePair<string, string>> WithLeaderRequired(IReadOnlyList<KeyValuePair<string, string>>? metadata)
        => metadata is null or { Count: 0 } ? LeaderRequired : [.. metadata, LeaderRequired[0]];

    private void Succeeded(GrpcEndpoint endpoint, int index)
    {
        if (index >= 0)
        {
            _pool.ReportSuccess(index);
        }
        else
        {
            _pool.ReportSuccess(endpoint); // addressed to a member the pool may have set aside: it answers again
        }
    }

    /// <summary>Classifies a failed attempt, asks the policy, and either throws the public error or prepares the next attempt.</summary>
    private async Task OnFailureAsync(string path, UnaryCall call, GrpcCallException failure, GrpcEndpoint endpoint, int index, IReadOnlyList<KeyValuePair<string, string>>? metadata)
    {
        var kind = FailureClassifier.Classify(failure);
        var delay = Retry.CallBackoff.Next(call.Attempt - 1);
        var maxAttempts = call.Persistent ? int.MaxValue : Retry.MaxAttempts;
        var progress = new CallProgress(call.Attempt, maxAttempts, call.Reauthenticated, call.TimeLeft, delay) { RequiresLeader = call.RequiresLeader };
        var decision = FailurePolicy.Decide(call.Kind, kind, failure.RequestSent, progress);
        if (decision.SetAside && index >= 0)
        {
            _pool.ReportFailure(index, failure.Message);
        }

        if (decision.Action == FailureAction.Reauthenticate)
        {
            // etcd refused the call's auth before applying anything: authenticate again and repeat, once.
            Auth?.Invalidate(metadata);
            call.Reauthenticated = true;
            Diagnostics.Retrying(path, call.Attempt, endpoint, RetryReasons.StaleToken, failure);
            call.NextAttempt(_pool.AllMask);
            return;
        }

        var allUnreachable = index >= 0 && call.RecordFailure(failure, index, _pool.AllMask) && !call.Persistent;
        if (decision.Action == FailureAction.Fail || allUnreachable)
        {
            throw GiveUp(path, call, failure, kind, allUnreachable);
        }

        Diagnostics.Retrying(path, call.Attempt, endpoint, RetryReasons.Of(failure), failure);
        var newRound = call.NextAttempt(_pool.AllMask);
        if (decision.Action == FailureAction.RetryAfterBackoff || newRound)
        {
            await Task.Delay(delay, Time, call.Token).ConfigureAwait(false);
        }
    }

    /// <summary>The public error that ends the call, reported to telemetry.</summary>
    private Exception GiveUp(string path, UnaryCall call, GrpcCallException failure, FailureKind kind, bool allUnreachable)
    {
        var repeatable = call.Kind != CallKind.Write;
        if (allUnreachable)
        {
            // Every endpoint refused, timed out connecting, or is not etcd: nobody can answer.
            return Diagnostics.GaveUp(path, call.Attempt, RetryReasons.NoEndpointReachable, EtcdErrorMapper.NoEndpoint(call.Failures));
        }

        if (FailurePolicy.Rule(call.Kind, kind, failure.RequestSent).Action is FailureAction.Fail or FailureAction.Reauthenticate)
        {
            var error = EtcdErrorMapper.ToPublic(failure, call.Timeout, repeatable);
            return call.Kind == CallKind.Member ? error : Diagnostics.GaveUp(path, call.Attempt, RetryReasons.NotRetryable, error);
        }

        // Out of attempts, or of time to wait for another.
        var last = failure.Kind == CallFailureKind.Status ? EtcdErrorMapper.ToPublic(failure, call.Timeout, repeatable) : EtcdErrorMapper.NoEndpoint(call.Failures);
        return Diagnostics.GaveUp(path, call.Attempt, RetryReasons.MaxAttempts, last);
    }

    /// <summary>
    /// An ordinary call (not one that waits by design, such as a lock) that waited most of its time on one endpoint
    /// without an answer: the member may hang. It goes on probation; the background check lets it back as soon as it answers.
    /// </summary>
    private void ReportSilence(UnaryCall call)
    {
        if (call.Waiting.Endpoint is { } waiting && call.Timeout == _requestTimeout && _pool.Count > 1 && call.WaitedOnEndpoint >= call.Timeout / 2)
        {
            _pool.ReportSilence(waiting, $"no answer within the request timeout ({call.Timeout.TotalMilliseconds:0} ms)");
        }
    }

    /// <summary>
    /// Before the first write to an endpoint that has never answered in gRPC, checks with a repeatable call (Status)
    /// that it is etcd. A peer that is not (a web server, a proxy that fails) then costs a harmless read instead of a
    /// write whose fate is unknown. Any gRPC answer, even an error, proves it.
    /// </summary>
    private async Task ConfirmGrpcAsync(GrpcEndpoint endpoint, CallHeaders headers, CancellationToken token)
    {
        try
        {
            await EndpointProbe.StatusAnsweredAsync(_transport, endpoint, headers, token).ConfigureAwait(false);
        }
        catch (GrpcCallException failure)
        {
            throw failure.NotSent(); // the write itself was never sent
        }
    }
}
