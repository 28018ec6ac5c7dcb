using EtcdNet.Transport;

namespace EtcdNet.Resilience;

/// <summary>What the owner of a stream says after one stream ended.</summary>
internal enum StreamEnd
{
    /// <summary>Reopen after the stream backoff.</summary>
    Backoff,
    /// <summary>Reopen at once (a fresh token, an end the owner asked for, a restart).</summary>
    Reopen,
    /// <summary>Stop: the client is closing.</summary>
    Shutdown,
}

/// <summary>The owner of a long-lived stream: what is its own (when a stream is needed, how to run one, what to resume).</summary>
internal interface IStreamOwner
{
    /// <summary>The headers a stream is opened with, before the token is added.</summary>
    CallHeaders StreamHeaders { get; }

    /// <summary>Endpoint slots the next stream should avoid (a bit mask; 0 for none).</summary>
    ulong AvoidEndpoints { get; }

    /// <summary>Waits until a stream is needed; false when the owner is closing.</summary>
    Task<bool> WaitUntilNeededAsync(CancellationToken cancellationToken);

    /// <summary>Authenticating before a stream failed; <paramref name="verdict"/> says whether that is final.</summary>
    void OnOpenFailed(StreamVerdict verdict);

    /// <summary>The client was disposed while a stream was being opened.</summary>
    void OnClientDisposed(ObjectDisposedException error);

    /// <summary>Opens a stream on <paramref name="endpoint"/>, runs it until it ends, and says what to do next (using <paramref name="recovery"/> for failures).</summary>
    Task<StreamEnd> RunStreamAsync(GrpcEndpoint endpoint, int endpointIndex, CallHeaders headers, StreamRecovery recovery, CancellationToken cancellationToken);
}

/// <summary>
/// The reconnection loop every long-lived stream shares: wait until a stream is needed, choose an endpoint,
/// authenticate, let the owner run the stream, and after any end nobody asked for, back off (by the stream backoff,
/// which starts over once a stream answers) and reopen. Failures are judged by <see cref="StreamRecovery"/>, that is by
/// the one failure table. The owner keeps only what is its own: resume points, renewals, catch-up.
/// </summary>
internal sealed class ReconnectingStream(RpcInvoker invoker, IStreamOwner owner)
{
    /// <summary>Runs until <paramref name="cancellationToken"/> is cancelled or the owner reports a shutdown.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var recovery = new StreamRecovery(invoker);
        while (!cancellationToken.IsCancellationRequested)
        {
            if (!await owner.WaitUntilNeededAsync(cancellationToken).ConfigureAwait(false))
            {
                return;
            }

            var (endpoint, index) = invoker.Pool.Pick(owner.AvoidEndpoints);
            CallHeaders headers;
            try
            {
                headers = await invoker.StreamHeadersAsync(owner.StreamHeaders, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (ObjectDisposedException e)
            {
                owner.OnClientDisposed(e);
                return;
            }
            catch (Exception e) when (e is EtcdException or TimeoutException)
            {
                owner.OnOpenFailed(recovery.OnFailure(e, -1, null));
                await recovery.BackoffAsync(cancellationToken).ConfigureAwait(false);
                continue;
            }

            var end = await owner.RunStreamAsync(endpoint, index, headers, recovery, cancellationToken).ConfigureAwait(false);
            if (end == StreamEnd.Shutdown)
            {
                return;
            }

            if (end == StreamEnd.Backoff)
            {
                await recovery.BackoffAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
