namespace EtcdNet.Discovery;

/// <summary>
/// An endpoint kept registered: its key is attached to a lease that this handle keeps alive, so the endpoint
/// disappears within the lease's TTL after the process dies. When the lease is lost (etcd unreachable for longer than
/// the TTL, or the lease revoked by someone else), the endpoint is registered again under a new lease, with backoff,
/// until it succeeds. Disposing deregisters it. Created by <see cref="EndpointManager.RegisterAsync"/>.
/// </summary>
public sealed class EndpointRegistration : IAsyncDisposable
{
    private static readonly TimeSpan DeregisterTimeout = TimeSpan.FromSeconds(5);

    private readonly EndpointManager _manager;
    private readonly ILeaseClient _leases;
    private readonly EtcdBackoff _backoff;
    private readonly CancellationTokenSource _stop = new();
    private Task _keeping = Task.CompletedTask;
    private long _leaseId;
    private int _registrations;
    private int _disposed;

    internal EndpointRegistration(EndpointManager manager, ILeaseClient leases, string key, ServiceEndpoint endpoint, TimeSpan ttl, EtcdBackoff backoff)
    {
        _manager = manager;
        _leases = leases;
        _backoff = backoff;
        Key = key;
        Endpoint = endpoint;
        Ttl = ttl;
    }

    /// <summary>The endpoint's full key.</summary>
    public string Key { get; }

    /// <summary>The endpoint registered.</summary>
    public ServiceEndpoint Endpoint { get; }

    /// <summary>The TTL of each lease the endpoint is attached to.</summary>
    public TimeSpan Ttl { get; }

    /// <summary>The lease the endpoint is attached to now (it changes when the endpoint is registered again).</summary>
    public long LeaseId => Interlocked.Read(ref _leaseId);

    /// <summary>How many times the endpoint was written: 1 after registration, one more for each registration after a lost lease.</summary>
    public int Registrations => Volatile.Read(ref _registrations);

    /// <summary>Stops keeping the lease alive, deletes the endpoint and revokes its lease, so watchers see it go at once.</summary>
    /// <param name="cancellationToken">Cancels the deletion; the lease then ends within its TTL.</param>
    /// <returns>A task that completes when the endpoint is deleted.</returns>
    public async Task DeregisterAsync(CancellationToken cancellationToken = default)
    {
        await StopKeepingAsync().ConfigureAwait(false);
        await _manager.DeleteAsync(Key, cancellationToken).ConfigureAwait(false);
        try
        {
            await _leases.RevokeAsync(LeaseId, cancellationToken).ConfigureAwait(false);
        }
        catch (EtcdLeaseNotFoundException)
        {
            // Already gone (lost, revoked elsewhere, or deregistered before): the key is deleted either way.
        }
    }

    /// <summary>Deregisters as <see cref="DeregisterAsync"/> does, waiting at most 5 s; if etcd cannot be reached, the endpoint ends with its lease.</summary>
    /// <returns>A task that completes when done.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        using var timeout = new CancellationTokenSource(DeregisterTimeout);
        try
        {
            await DeregisterAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is EtcdException or TimeoutException or OperationCanceledException)
        {
            // Unreachable or too slow: the lease, no longer renewed, removes the endpoint within its TTL.
        }

        _stop.Dispose();
    }

    /// <summary>Registers the endpoint for the first time, then keeps it registered in the background.</summary>
    internal async Task StartAsync(CancellationToken cancellationToken)
    {
        await RegisterOnceAsync(cancellationToken).ConfigureAwait(false);
        _keeping = Task.Run(KeepRegisteredAsync, CancellationToken.None);
    }

    private async Task RegisterOnceAsync(CancellationToken cancellationToken)
    {
        var lease = await _leases.GrantAsync(Ttl, cancellationToken: cancellationToken).ConfigureAwait(false);
        await _manager.AddAsync(Key, Endpoint, lease.Id, cancellationToken).ConfigureAwait(false);
        Interlocked.Exchange(ref _leaseId, lease.Id);
        Interlocked.Increment(ref _registrations);
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1031:Do not catch general exception types", Justification = "Whatever fails, the endpoint is registered again after a backoff.")]
    private async Task KeepRegisteredAsync()
    {
        var stop = _stop.Token;
        while (!stop.IsCancellationRequested)
        {
            var keepAlive = _leases.KeepAliveAsync(LeaseId, stop);
            await keepAlive.Completion.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            await keepAlive.DisposeAsync().ConfigureAwait(false);

            for (var failures = 0; !stop.IsCancellationRequested; failures++)
            {
                try
                {
                    await RegisterOnceAsync(stop).ConfigureAwait(false);
                    break;
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception)
                {
                    // Whatever failed (etcd, the network, a deadline), the endpoint is registered again after a backoff.
                    await Task.Delay(_backoff.Next(failures), stop).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                }
            }
        }
    }

    private async Task StopKeepingAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _keeping.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }
}
