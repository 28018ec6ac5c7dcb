namespace EtcdNet.Lease;

/// <summary>An auto-reset wake-up for a background loop: any number of <see cref="Set"/> calls wake one wait once.</summary>
internal sealed class LeaseSignal : IDisposable
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

    /// <summary>Waits for <see cref="Set"/> or the timeout (<see cref="Timeout.InfiniteTimeSpan"/> for none).</summary>
    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _semaphore.WaitAsync(timeout, cancellationToken);

    public void Dispose() => _semaphore.Dispose();
}
