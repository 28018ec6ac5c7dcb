using Microsoft.Extensions.Primitives;

namespace EtcdNet.Discovery.ServiceDiscovery;

/// <summary>
/// The live endpoint set of one service, followed in the background through <see cref="EndpointManager.WatchSetAsync"/>
/// (no polling): <see cref="CurrentAsync"/> gives the latest set once the first one is read, with a change token that
/// fires when a newer set replaces it. If the watch fails, the last set is kept and the watch starts again after a
/// backoff; while no set was ever read, callers waiting for one get the failure.
/// </summary>
internal sealed class EndpointSetWatch : IAsyncDisposable
{
    private static readonly EtcdBackoff Backoff = new(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(5));

    private readonly EndpointManager _manager;
    private readonly CancellationTokenSource _stop = new();
    private TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _following;
    private State _state = new(new Dictionary<string, ServiceEndpoint>(), new CancellationTokenSource());

    public EndpointSetWatch(EndpointManager manager)
    {
        _manager = manager;
        _following = Task.Run(FollowAsync);
    }

    /// <summary>The latest set, and a token that fires when it is replaced; waits for the first read of the set.</summary>
    public async Task<(IReadOnlyDictionary<string, ServiceEndpoint> Set, IChangeToken Changed)> CurrentAsync(CancellationToken cancellationToken)
    {
        await Volatile.Read(ref _ready).Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        var state = Volatile.Read(ref _state);
        return (state.Set, new CancellationChangeToken(state.Changed.Token));
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _following.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }

    private async Task FollowAsync()
    {
        for (var failures = 0; !_stop.IsCancellationRequested; failures++)
        {
            try
            {
                await foreach (var set in _manager.WatchSetAsync(_stop.Token).ConfigureAwait(false))
                {
                    Publish(set);
                    failures = 0;
                }
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is EtcdException or TimeoutException)
            {
                var ready = Volatile.Read(ref _ready);
                if (!ready.Task.IsCompletedSuccessfully && failures >= 2)
                {
                    // Nothing read yet: those waiting fail with the cause rather than wait for ever; later ones wait again.
                    Volatile.Write(ref _ready, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
                    ready.TrySetException(e);
                }
            }

            await Task.Delay(Backoff.Next(failures), _stop.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private void Publish(IReadOnlyDictionary<string, ServiceEndpoint> set)
    {
        var previous = Interlocked.Exchange(ref _state, new State(set, new CancellationTokenSource()));
        Volatile.Read(ref _ready).TrySetResult();
        previous.Changed.Cancel();
    }

    private sealed record State(IReadOnlyDictionary<string, ServiceEndpoint> Set, CancellationTokenSource Changed);
}
