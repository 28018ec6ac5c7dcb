namespace EtcdNet.Discovery;

/// <summary>
/// Follows the live endpoint set of one service in the background (<see cref="EndpointManager.WatchSetAsync"/>) and
/// hands each set to its owner. When the watch fails, the owner keeps its last set and the watch starts again after
/// a backoff; failures while no set was ever read are handed to the owner too. The one loop under the
/// Microsoft.Extensions.ServiceDiscovery provider and the gRPC resolver (EtcdNet.Discovery.Grpc compiles this same
/// file, so neither package depends on the other's internals).
/// </summary>
internal sealed class EndpointSetFollower : IAsyncDisposable
{
    private static readonly EtcdBackoff Backoff = new(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(5));

    private readonly EndpointManager _manager;
    private readonly Action<IReadOnlyDictionary<string, ServiceEndpoint>> _onSet;
    private readonly Action<Exception> _onFailureBeforeFirstSet;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _following;

    public EndpointSetFollower(EndpointManager manager, Action<IReadOnlyDictionary<string, ServiceEndpoint>> onSet, Action<Exception> onFailureBeforeFirstSet)
    {
        _manager = manager;
        _onSet = onSet;
        _onFailureBeforeFirstSet = onFailureBeforeFirstSet;
        _following = Task.Run(FollowAsync);
    }

    /// <summary>
    /// Stops following: from the moment this is called no new callback starts (one already running may finish), and
    /// the returned task completes when the loop has ended.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _following.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1031:Do not catch general exception types", Justification = "Whatever ends the watch, following starts again after a backoff.")]
    private async Task FollowAsync()
    {
        var stop = _stop.Token;
        var published = false;
        for (var failures = 0; !stop.IsCancellationRequested; failures++)
        {
            try
            {
                await foreach (var set in _manager.WatchSetAsync(stop).ConfigureAwait(false))
                {
                    if (stop.IsCancellationRequested)
                    {
                        return;
                    }

                    _onSet(set);
                    published = true;
                    failures = 0;
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // Whatever ended the watch (etcd, the network, a deadline, the owner's callback), it starts again
                // after a backoff; the owner keeps its last set.
                if (!published)
                {
                    ReportFailure(e);
                }
            }

            await Task.Delay(Backoff.Next(failures), stop).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1031:Do not catch general exception types", Justification = "A failing owner callback must not end the loop.")]
    private void ReportFailure(Exception failure)
    {
        if (_stop.IsCancellationRequested)
        {
            return;
        }

        try
        {
            _onFailureBeforeFirstSet(failure);
        }
        catch (Exception)
        {
            // A failing owner callback must not end the loop that would later bring the first set.
        }
    }
}
