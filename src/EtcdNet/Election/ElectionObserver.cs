using System.Runtime.CompilerServices;
using EtcdNet.Errors;
using EtcdNet.Protocol.Election;
using EtcdNet.Resilience;
using EtcdNet.Transport;
using Google.Protobuf;

namespace EtcdNet.Election;

/// <summary>
/// One observation of an election: an Observe stream that is reopened on another endpoint (with
/// jittered backoff) whenever it ends without being asked to. etcd's Observe starts every stream with
/// the current leader's value, so after a reconnection the proclamations made in between are read back
/// from history (<see cref="ObserveHistory"/>), and anything at or before the last delivered
/// <see cref="ObservePosition"/> is dropped: each proclamation is delivered once, in order.
/// </summary>
internal sealed class ElectionObserver
{
    private readonly RpcInvoker _invoker;
    private readonly ByteString _name;
    private readonly ObserveDiagnostics _diagnostics;

    public ElectionObserver(RpcInvoker invoker, ByteString name, ObserveDiagnostics diagnostics)
    {
        _invoker = invoker;
        _name = name;
        _diagnostics = diagnostics;
    }

    public async IAsyncEnumerable<EtcdNet.LeaderResponse> RunAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var request = new LeaderRequest { Name = _name };
        var position = default(ObservePosition);
        var recovery = new StreamRecovery(_invoker);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (endpoint, index) = _invoker.Pool.Pick();
            if (await StreamHeadersAsync(recovery, cancellationToken).ConfigureAwait(false) is not { } headers)
            {
                await recovery.BackoffAsync(cancellationToken).ConfigureAwait(false);
                continue;
            }

            var call = _invoker.Transport.StartStreaming(endpoint, ElectionMethods.Observe, request, headers, cancellationToken);
            _diagnostics.StreamOpened(endpoint.Address);
            var answered = false;
            var reopenNow = false;
            await using (call.ConfigureAwait(false))
            {
                while (true)
                {
                    var (response, failure) = await ReadAsync(call, cancellationToken).ConfigureAwait(false);
                    if (failure is not null)
                    {
                        reopenNow = OnFailure(recovery, failure, index, headers);
                        break;
                    }

                    if (response is null)
                    {
                        if (!answered)
                        {
                            await ThrowIfRefusedAsync(request, cancellationToken).ConfigureAwait(false);
                        }

                        break; // a graceful end nobody asked for: reconnect
                    }

                    if (!answered)
                    {
                        answered = true;
                        recovery.Answered();
                        _invoker.Pool.ReportSuccess(index);
                        if (position.HasValue && response.Kv is { } first && position.IsBefore(first))
                        {
                            // A reconnection: catch up on what was proclaimed while no stream was open.
                            _diagnostics.Replayed();
                            foreach (var missed in await ObserveHistory.ReplayAsync(_invoker, _name, position, first, cancellationToken).ConfigureAwait(false))
                            {
                                if (position.IsBefore(missed.Kv))
                                {
                                    position = ObservePosition.Of(missed.Kv);
                                    yield return new EtcdNet.LeaderResponse(ResponseHeader.From(missed.Header), new KeyValue(missed.Kv));
                                }
                            }
                        }
                    }

                    if (response.Kv is not { } kv)
                    {
                        continue;
                    }

                    if (!position.IsBefore(kv))
                    {
                        _diagnostics.Duplicate();
                        continue;
                    }

                    position = ObservePosition.Of(kv);
                    yield return new EtcdNet.LeaderResponse(ResponseHeader.From(response.Header), new KeyValue(kv));
                }
            }

            if (!reopenNow)
            {
                await recovery.BackoffAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Reads the next response; returns the failure instead of throwing it (an iterator cannot yield inside a catch).</summary>
    private static async ValueTask<(Protocol.Election.LeaderResponse? Response, GrpcCallException? Failure)> ReadAsync(
        IGrpcStreamingCall<LeaderRequest, Protocol.Election.LeaderResponse> call, CancellationToken cancellationToken)
    {
        try
        {
            return (await call.ReadAsync(cancellationToken).ConfigureAwait(false), null);
        }
        catch (GrpcCallException failure)
        {
            return (null, failure);
        }
        catch (OperationCanceledException e) when (cancellationToken.IsCancellationRequested && e.CancellationToken != cancellationToken)
        {
            throw new OperationCanceledException("The election observation was cancelled.", e, cancellationToken);
        }
    }

    /// <summary>
    /// etcd's Observe ends its stream without an error when it cannot read the election (no permission,
    /// no credentials). Leader reports the same refusal as an error: throw it, since no reconnection can help.
    /// </summary>
    private async Task ThrowIfRefusedAsync(LeaderRequest request, CancellationToken cancellationToken)
    {
        try
        {
            await _invoker.UnaryAsync(ElectionMethods.Leader, request, cancellationToken).ConfigureAwait(false);
        }
        catch (EtcdException e) when (e is not (EtcdPermissionDeniedException or EtcdUserEmptyException or EtcdAuthFailedException))
        {
            // No leader yet, or a transient failure: keep observing.
        }
        catch (TimeoutException)
        {
            // The probe timed out: keep observing.
        }
    }

    /// <summary>Headers for a new stream (with a current token when the client has credentials), or null to retry later.</summary>
    /// <exception cref="EtcdException">Authenticating failed in a way no retry can cure (wrong credentials).</exception>
    private async ValueTask<CallHeaders?> StreamHeadersAsync(StreamRecovery recovery, CancellationToken cancellationToken)
    {
        try
        {
            return await _invoker.StreamHeadersAsync(CallHeaders.None, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is EtcdException or TimeoutException)
        {
            var verdict = recovery.OnFailure(e, -1, null);
            return verdict.Fails ? throw verdict.Error : null;
        }
    }

    /// <summary>Applies the policy's verdict on a failed stream: throws when no reconnection can cure it; returns whether to reopen at once.</summary>
    private static bool OnFailure(StreamRecovery recovery, GrpcCallException failure, int index, CallHeaders headers)
    {
        var verdict = recovery.OnFailure(failure, index, headers.Metadata);
        return verdict.Fails ? throw verdict.Error : verdict.Action == FailureAction.Reauthenticate;
    }
}
