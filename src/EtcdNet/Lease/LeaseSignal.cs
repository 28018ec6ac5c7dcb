namespace EtcdNet.Lease;

/// <summary>An auto-reset wake-up for a background loop: any number of <see cref="Set"/> calls wake one wait once.</summary>
internal sealed class LeaseSignal(TimeProvider time) : IDisposable
{
    private readonly SemaphoreSlim _semaphore = new(0, 1);

    public void Set()
    {
        if (_semaphore.CurrentCount != 0)
        {
            return;
        }

        try
        {
            _semaphore.Release();
        }
        catch (SemaphoreFullException)
        {
            // Another Set won the race: the loop is woken either way.
        }
    }

    /// <summary>
    /// Waits for <see cref="Set"/> or the timeout (<see cref="Timeout.InfiniteTimeSpan"/> for none), measured on the
    /// <see cref="TimeProvider"/>; throws <see cref="OperationCanceledException"/> only for <paramref name="cancellationToken"/>.
    /// </summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (timeout == Timeout.InfiniteTimeSpan)
        {
            await _semaphore.WaitAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        using var elapsed = new CancellationTokenSource(timeout, time);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, elapsed.Token);
        try
        {
            await _semaphore.WaitAsync(either.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // the timeout passed
        }
    }

    public void Dispose() => _semaphore.Dispose();
}
