using Microsoft.Extensions.Primitives;

namespace EtcdNet.Discovery.ServiceDiscovery;

/// <summary>
/// The live endpoint set of one service for the Microsoft.Extensions.ServiceDiscovery provider (followed by an
/// <see cref="EndpointSetFollower"/>, no polling): <see cref="CurrentAsync"/> gives the latest set once the first one
/// is read, with a change token that fires when a newer set replaces it. While no set was ever read, callers waiting
/// for one get the failure.
/// </summary>
internal sealed class EndpointSetWatch : IAsyncDisposable
{
    private readonly EndpointSetFollower _follower;
    private TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private State _state = new(new Dictionary<string, ServiceEndpoint>(), new EndpointSetChangeToken());

    public EndpointSetWatch(EndpointManager manager) => _follower = new EndpointSetFollower(manager, Publish, FailWaiters);

    /// <summary>The latest set, and a token that fires when it is replaced; waits for the first read of the set.</summary>
    public async Task<(IReadOnlyDictionary<string, ServiceEndpoint> Set, IChangeToken Changed)> CurrentAsync(CancellationToken cancellationToken)
    {
        await Volatile.Read(ref _ready).Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        var state = Volatile.Read(ref _state);
        return (state.Set, state.Changed);
    }

    public ValueTask DisposeAsync() => _follower.DisposeAsync();

    private void Publish(IReadOnlyDictionary<string, ServiceEndpoint> set)
    {
        var previous = Interlocked.Exchange(ref _state, new State(set, new EndpointSetChangeToken()));
        Volatile.Read(ref _ready).TrySetResult();
        previous.Changed.Fire();
    }

    /// <summary>Those waiting for a first set fail with the cause; later callers wait again.</summary>
    private void FailWaiters(Exception failure)
    {
        var waiting = Interlocked.Exchange(ref _ready, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        waiting.TrySetException(failure);
    }

    private sealed record State(IReadOnlyDictionary<string, ServiceEndpoint> Set, EndpointSetChangeToken Changed);
}
