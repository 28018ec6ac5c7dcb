using EtcdNet.Errors;
using EtcdNet.Protocol.Election;
using EtcdNet.Resilience;
using EtcdNet.Transport;

namespace EtcdNet.Election;

/// <summary>One Observe stream: read, catch up after a reconnection, drop what was delivered, and say how it ended.</summary>
internal sealed partial class ElectionObserver
{
    async Task<StreamEnd> IStreamOwner.RunStreamAsync(GrpcEndpoint endpoint, int endpointIndex, CallHeaders headers, StreamRecovery recovery, CancellationToken cancellationToken)
    {
        var call = _invoker.Transport.StartStreaming(endpoint, ElectionMethods.Observe, _request, headers, cancellationToken);
        _diagnostics.StreamOpened(endpoint.Address);
        await using (call.ConfigureAwait(false))
        {
            try
            {
                return await ReadAsync(call, endpointIndex, headers, recovery, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return StreamEnd.Shutdown;
            }
            catch (Exception e) when (e is EtcdException or TimeoutException)
            {
                // Reading the history back failed in a way the calls' own retries could not cure.
                End(e);
                return StreamEnd.Shutdown;
            }
        }
    }

    private async Task<StreamEnd> ReadAsync(
        IGrpcStreamingCall<LeaderRequest, Protocol.Election.LeaderResponse> call, int endpointIndex, CallHeaders headers, StreamRecovery recovery, CancellationToken cancellationToken)
    {
        var answered = false;
        while (true)
        {
            Protocol.Election.LeaderResponse? response;
            try
            {
                response = await call.ReadAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (GrpcCallException failure)
            {
                var verdict = recovery.OnFailure(failure, endpointIndex, headers.Metadata);
                if (verdict.Fails)
                {
                    End(verdict.Error);
                    return StreamEnd.Shutdown;
                }

                return verdict.Action == FailureAction.Reauthenticate ? StreamEnd.Reopen : StreamEnd.Backoff;
            }

            if (response is null)
            {
                if (!answered && await RefusalAsync(cancellationToken).ConfigureAwait(false) is { } refusal)
                {
                    End(refusal);
                    return StreamEnd.Shutdown;
                }

                return StreamEnd.Backoff; // a graceful end nobody asked for: reconnect
            }

            if (!answered)
            {
                answered = true;
                recovery.Answered();
                _invoker.Pool.ReportSuccess(endpointIndex);
                await CatchUpAsync(response, cancellationToken).ConfigureAwait(false);
            }

            if (response.Kv is not { } kv)
            {
                continue;
            }

            if (!_position.IsBefore(kv))
            {
                _diagnostics.Duplicate();
                continue;
            }

            await DeliverAsync(response.Header, kv, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>After a reconnection, delivers what was proclaimed while no stream was open.</summary>
    private async Task CatchUpAsync(Protocol.Election.LeaderResponse first, CancellationToken cancellationToken)
    {
        if (!_position.HasValue || first.Kv is not { } current || !_position.IsBefore(current))
        {
            return;
        }

        _diagnostics.Replayed();
        foreach (var missed in await ObserveHistory.ReplayAsync(_invoker, _name, _position, current, cancellationToken).ConfigureAwait(false))
        {
            if (_position.IsBefore(missed.Kv))
            {
                await DeliverAsync(missed.Header, missed.Kv, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private ValueTask DeliverAsync(Protocol.Rpc.ResponseHeader header, Protocol.Mvcc.KeyValue kv, CancellationToken cancellationToken)
    {
        _position = ObservePosition.Of(kv);
        return _proclamations.Writer.WriteAsync(new EtcdNet.LeaderResponse(ResponseHeader.From(header), new KeyValue(kv)), cancellationToken);
    }

    /// <summary>
    /// etcd's Observe ends its stream without an error when it cannot read the election (no permission, no
    /// credentials). Leader reports the same refusal as an error: return it, since no reconnection can help.
    /// </summary>
    private async Task<Exception?> RefusalAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _invoker.UnaryAsync(ElectionMethods.Leader, _request, cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (EtcdException e) when (e is EtcdPermissionDeniedException or EtcdUserEmptyException or EtcdAuthFailedException)
        {
            return e;
        }
        catch (EtcdException)
        {
            return null; // no leader yet, or a transient failure: keep observing
        }
        catch (TimeoutException)
        {
            return null; // the probe timed out: keep observing
        }
    }
}
