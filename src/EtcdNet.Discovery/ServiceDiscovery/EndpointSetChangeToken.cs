using Microsoft.Extensions.Primitives;

namespace EtcdNet.Discovery.ServiceDiscovery;

/// <summary>
/// Fires once, when the endpoint set it was handed out with is replaced. Unlike a token over a
/// <see cref="CancellationTokenSource"/>, its callbacks run on the thread pool, never on the thread that fires it, and
/// disposing a registration never waits for a callback that is running. Microsoft.Extensions.ServiceDiscovery's watcher
/// disposes its registration while holding the lock its callback takes; with a registration that waits for the
/// callback, a change fired at that moment deadlocks both.
/// </summary>
internal sealed class EndpointSetChangeToken : IChangeToken
{
    private readonly Lock _gate = new();
    private List<Registration>? _registrations = [];

    public bool HasChanged => Volatile.Read(ref _registrations) is null;

    public bool ActiveChangeCallbacks => true;

    public IDisposable RegisterChangeCallback(Action<object?> callback, object? state)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var registration = new Registration(this, callback, state);
        lock (_gate)
        {
            if (_registrations is { } registrations)
            {
                registrations.Add(registration);
                return registration;
            }
        }

        registration.Run(); // already changed: called back at once (on the thread pool)
        return registration;
    }

    /// <summary>Marks the token changed and runs every registered callback on the thread pool.</summary>
    public void Fire()
    {
        List<Registration>? registrations;
        lock (_gate)
        {
            registrations = _registrations;
            _registrations = null;
        }

        foreach (var registration in registrations ?? [])
        {
            registration.Run();
        }
    }

    private void Remove(Registration registration)
    {
        lock (_gate)
        {
            _registrations?.Remove(registration);
        }
    }

    private sealed class Registration(EndpointSetChangeToken token, Action<object?> callback, object? state) : IDisposable
    {
        private int _disposed;

        public void Run() => ThreadPool.UnsafeQueueUserWorkItem(static r => r.Invoke(), this, preferLocal: false);

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                token.Remove(this);
            }
        }

        private void Invoke()
        {
            if (Volatile.Read(ref _disposed) == 0)
            {
                callback(state);
            }
        }
    }
}
