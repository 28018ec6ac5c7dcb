using EtcdNet.Resilience;
using EtcdNet.Transport;

namespace EtcdNet.Lease;

/// <summary>
/// Keeps every lease of a client alive on one shared LeaseKeepAlive stream (created lazily). A
/// scheduler loop renews each lease about every third of its TTL and declares it lost at its
/// deadline, whether or not a stream is up; a stream loop keeps the stream open on a healthy
/// endpoint, reconnects with jittered backoff after any failure, and routes responses by lease ID.
/// Per lease the cost is a few small objects and one priority-queue entry: no task or timer.
/// </summary>
internal sealed partial class LeaseKeepAliveManager : IAsyncDisposable
{
    private static readonly CallHeaders StreamHeaders = new(null, RpcInvoker.LeaderRequired);

    private readonly RpcInvoker _invoker;
    private readonly LeaseGrantDeadlines? _grants;
    private readonly TimeSpan _firstResponseTimeout;
    private readonly Lock _gate = new();
    private readonly Dictionary<long, KeptAliveLease> _leases = [];
    private readonly LeaseRenewalSchedule _schedule = new();
    private readonly LeaseClock _clock;
    private readonly LeaseSignal _schedulerWake;
    private readonly LeaseSignal _streamWake;
    private readonly CancellationTokenSource _shutdown = new();
    private LeaseKeepAliveSession? _session;
    private Exception? _lastStreamFailure;
    private Task? _loops;
    private bool _stopped;
    private int _streamsOpened;
    private long _renewalsSent;
    private long _renewalsReceived;

    public LeaseKeepAliveManager(RpcInvoker invoker, LeaseGrantDeadlines? grants = null)
    {
        _invoker = invoker;
        _grants = grants;
        _clock = new LeaseClock(invoker.Time);
        _schedulerWake = new LeaseSignal(invoker.Time);
        _streamWake = new LeaseSignal(invoker.Time);
        // The TTL is unknown until the first renewal answers; like etcd's Go client, allow the dial timeout plus a second (at least 5 s).
        var first = invoker.Transport.Settings.DialTimeout + TimeSpan.FromSeconds(1);
        _firstResponseTimeout = first > TimeSpan.FromSeconds(5) ? first : TimeSpan.FromSeconds(5);
    }

    /// <summary>How many keep-alive streams were opened so far.</summary>
    public int StreamsOpened => Volatile.Read(ref _streamsOpened);

    /// <summary>Renewal requests handed to a stream so far.</summary>
    public long RenewalsSent => Interlocked.Read(ref _renewalsSent);

    /// <summary>Successful renewal responses received so far.</summary>
    public long RenewalsReceived => Interlocked.Read(ref _renewalsReceived);

    /// <summary>The endpoint of the current stream, or null while none is open.</summary>
    public string? CurrentEndpoint
    {
        get
        {
            lock (_gate)
            {
                return _session?.Endpoint;
            }
        }
    }

    /// <summary>How many leases are kept alive.</summary>
    public int LeaseCount
    {
        get
        {
            lock (_gate)
            {
                return _leases.Count;
            }
        }
    }

    /// <summary>
    /// Starts keeping lease <paramref name="id"/> alive for a new handle (its first renewal is sent right away),
    /// renewing it at least every <paramref name="maxRenewInterval"/>.
    /// </summary>
    /// <exception cref="ObjectDisposedException">The client was disposed.</exception>
    public LeaseKeepAlive Add(long id, TimeSpan maxRenewInterval, CancellationToken cancellationToken)
    {
        var handle = new LeaseKeepAlive(this, id, cancellationToken) { MaxRenewInterval = maxRenewInterval };
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_stopped, typeof(EtcdClient));
            if (!_leases.TryGetValue(id, out var lease))
            {
                lease = new KeptAliveLease(id, _clock.Now, _firstResponseTimeout, _grants?.Take(id));
                _leases.Add(id, lease);
            }

            lease.LimitRenewInterval(maxRenewInterval, _clock.Now);
            _schedule.Schedule(lease, _session?.State ?? StreamState.Down);

            lease.Handles = [.. lease.Handles, handle];
            _loops ??= Task.Run(RunAsync, CancellationToken.None);
        }

        _schedulerWake.Set();
        _streamWake.Set();
        handle.Start();
        return handle;
    }

    /// <summary>A handle was disposed: stop renewing its lease when no other handle keeps it.</summary>
    public void Detach(LeaseKeepAlive handle)
    {
        lock (_gate)
        {
            if (!_leases.TryGetValue(handle.LeaseId, out var lease) || Array.IndexOf(lease.Handles, handle) < 0)
            {
                return; // already lost, or the client stopped
            }

            lease.Handles = lease.Handles.Length == 1 ? [] : lease.Handles.Where(h => h != handle).ToArray();
            if (lease.Handles.Length > 0)
            {
                lease.ResetRenewInterval(lease.Handles.Min(h => h.MaxRenewInterval)); // the handle that asked for it may be gone
                return;
            }

            lease.Ended = true;
            _leases.Remove(lease.Id);
            if (_leases.Count > 0)
            {
                return;
            }
        }

        _schedulerWake.Set(); // closes the idle stream
    }

    /// <summary>Stops every keep-alive (each handle fails with <see cref="LeaseLostReason.ClientDisposed"/>) and waits for the loops to end.</summary>
    public async ValueTask DisposeAsync()
    {
        Stop(null);
        Task? loops;
        lock (_gate)
        {
            loops = _loops;
        }

        if (loops is not null)
        {
            await loops.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>Ends everything: no more streams or renewals; every handle fails as disposed.</summary>
    private void Stop(Exception? cause)
    {
        KeptAliveLease[] leases;
        LeaseKeepAliveSession? session;
        lock (_gate)
        {
            if (_stopped)
            {
                return;
            }

            _stopped = true;
            leases = [.. _leases.Values];
            foreach (var lease in leases)
            {
                lease.Ended = true;
            }

            _leases.Clear();
            _schedule.Clear();
            session = _session;
            _session = null;
        }

        session?.Break(SessionEnd.Shutdown);
        _shutdown.Cancel();
        foreach (var lease in leases)
        {
            Fail(lease, LeaseLostReason.ClientDisposed, null, cause);
        }
    }

    /// <summary>Declares every lease kept alive now lost for <paramref name="cause"/>, which no reconnection can cure; later leases are kept alive as usual.</summary>
    private void FailEvery(Exception cause, string? endpoint)
    {
        KeptAliveLease[] leases;
        lock (_gate)
        {
            leases = [.. _leases.Values];
            foreach (var lease in leases)
            {
                lease.Ended = true; // its queue entries are skipped from now on
            }

            _leases.Clear();
        }

        foreach (var lease in leases)
        {
            Fail(lease, LeaseLostReason.Refused, endpoint, cause);
        }

        _schedulerWake.Set();
    }

    private void Fail(KeptAliveLease lease, LeaseLostReason reason, string? endpoint, Exception? cause)
    {
        _invoker.Diagnostics.LeaseLost(lease.Id, reason, endpoint, cause);
        foreach (var handle in lease.Handles)
        {
            handle.Fail(new EtcdLeaseLostException(lease.Id, reason, endpoint, cause));
        }
    }

    private async Task RunAsync()
    {
        await Task.WhenAll(SchedulerLoopAsync(), new ReconnectingStream(_invoker, this).RunAsync(_shutdown.Token)).ConfigureAwait(false);
    }
}
