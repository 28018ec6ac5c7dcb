using EtcdNet.Lease;

namespace EtcdNet;

/// <summary>
/// Keeps one lease alive from <see cref="ILeaseClient.KeepAliveAsync(long, CancellationToken)"/> until disposed. The client renews
/// the lease on its shared keep-alive stream about every third of its TTL, across reconnections and
/// failovers. If no renewal succeeds within the TTL (counted from the sending of the last renewal that
/// succeeded), or the server reports the lease gone, the lease is declared lost: <see cref="Lost"/> is
/// cancelled, and the enumeration and <see cref="Completion"/> fail with
/// <see cref="EtcdLeaseLostException"/>. Disposing the handle stops renewing (the lease is not revoked;
/// it expires after its TTL unless another handle still keeps it alive).
/// </summary>
/// <remarks>
/// Enumerating the handle yields each successful renewal. At most <see cref="BufferCapacity"/> renewals
/// wait for the enumeration; when a new one arrives and the buffer is full, the oldest is dropped, so a
/// handle that is never enumerated holds a fixed amount of memory. One enumeration at a time.
/// </remarks>
public sealed class LeaseKeepAlive : IAsyncEnumerable<LeaseKeepAliveResponse>, IAsyncDisposable
{
    /// <summary>How many renewals wait for the enumeration before the oldest is dropped.</summary>
    public const int BufferCapacity = LeaseResponseBuffer.Capacity;

    private readonly LeaseKeepAliveManager _manager;
    private readonly CancellationTokenSource _lost = new();
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly LeaseResponseBuffer _buffer = new();
    private readonly CancellationToken _stopToken;
    private CancellationTokenRegistration _stopRegistration;
    private int _ended;
    private int _enumerating;

    /// <summary>The longest time between renewals this handle asked for (<see cref="TimeSpan.MaxValue"/>: a third of the TTL).</summary>
    internal TimeSpan MaxRenewInterval { get; init; } = TimeSpan.MaxValue;

    internal LeaseKeepAlive(LeaseKeepAliveManager manager, long leaseId, CancellationToken cancellationToken)
    {
        _manager = manager;
        LeaseId = leaseId;
        _stopToken = cancellationToken;
    }

    /// <summary>The ID of the lease kept alive.</summary>
    public long LeaseId { get; }

    /// <summary>Cancelled when the lease is declared lost (never when the handle is disposed or its token cancelled).</summary>
    public CancellationToken Lost => _lost.Token;

    /// <summary>
    /// Completes when the keep-alive ends: faulted with <see cref="EtcdLeaseLostException"/> when the lease
    /// is lost; successfully when the handle is disposed or the token given to
    /// <see cref="ILeaseClient.KeepAliveAsync(long, CancellationToken)"/> is cancelled.
    /// </summary>
    public Task Completion => _completion.Task;

    /// <summary>The number of renewals dropped because the enumeration did not keep up (or never ran).</summary>
    public long DroppedResponses => _buffer.Dropped;

    /// <summary>
    /// Yields each successful renewal. Ends when the handle is disposed; throws
    /// <see cref="EtcdLeaseLostException"/> when the lease is lost, and <see cref="OperationCanceledException"/>
    /// when the token given to <see cref="ILeaseClient.KeepAliveAsync(long, CancellationToken)"/> or <paramref name="cancellationToken"/> is cancelled.
    /// </summary>
    /// <param name="cancellationToken">Stops this enumeration only; the lease is still kept alive.</param>
    /// <exception cref="InvalidOperationException">Another enumeration of this handle is in progress.</exception>
    public IAsyncEnumerator<LeaseKeepAliveResponse> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _enumerating, 1) != 0)
        {
            throw new InvalidOperationException("A LeaseKeepAlive can be enumerated by one consumer at a time.");
        }

        return EnumerateAsync(cancellationToken);
    }

    /// <summary>Stops keeping the lease alive (without revoking it) and ends the enumeration. Idempotent.</summary>
    /// <returns>A task that completes when the handle is detached.</returns>
    public ValueTask DisposeAsync()
    {
        Stop();
        return ValueTask.CompletedTask;
    }

    /// <summary>Starts watching the caller's token; called once the handle is registered.</summary>
    internal void Start()
    {
        if (_stopToken.CanBeCanceled)
        {
            _stopRegistration = _stopToken.UnsafeRegister(static state => ((LeaseKeepAlive)state!).Stop(), this);
            if (Volatile.Read(ref _ended) != 0)
            {
                _stopRegistration.Dispose(); // it ended (lost at once) before the registration was made
            }
        }
    }

    /// <summary>A successful renewal.</summary>
    internal void Deliver(LeaseKeepAliveResponse response) => _buffer.Add(response);

    /// <summary>The lease is lost: signal <see cref="Lost"/>, then end the enumeration and <see cref="Completion"/> with <paramref name="error"/>.</summary>
    internal void Fail(EtcdLeaseLostException error)
    {
        if (Interlocked.Exchange(ref _ended, 1) != 0)
        {
            return;
        }

        _stopRegistration.Dispose();
        // Cancel without running the user's callbacks on the keep-alive scheduler's thread.
        _ = _lost.CancelAsync();
        _buffer.End(error);
        _completion.TrySetException(error);
        _ = _completion.Task.Exception; // observed: an ignored Completion must not raise UnobservedTaskException
    }

    /// <summary>Ends the handle normally (dispose, or the caller's token) and detaches it from the lease.</summary>
    private void Stop()
    {
        if (Interlocked.Exchange(ref _ended, 1) != 0)
        {
            return;
        }

        _stopRegistration.Dispose();
        _manager.Detach(this);
        _buffer.End(_stopToken.IsCancellationRequested ? new OperationCanceledException("The lease keep-alive was cancelled.", _stopToken) : null);
        _completion.TrySetResult();
    }

    private async IAsyncEnumerator<LeaseKeepAliveResponse> EnumerateAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (await _buffer.TakeAsync(cancellationToken).ConfigureAwait(false) is { } response)
            {
                yield return response;
            }
        }
        finally
        {
            Volatile.Write(ref _enumerating, 0);
        }
    }
}
