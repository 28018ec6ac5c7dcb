using System.Diagnostics;

namespace EtcdNet.Cli.Bench;

/// <summary>Spaces requests evenly at a fixed rate over all workers (no bursts).</summary>
internal sealed class RateLimiter(int perSecond)
{
    private readonly long _interval = Math.Max(1, Stopwatch.Frequency / perSecond);
    private readonly Lock _gate = new();
    private long _next = Stopwatch.GetTimestamp();

    /// <summary>Waits for the next free slot.</summary>
    public Task WaitAsync(CancellationToken cancellationToken)
    {
        long slot;
        var now = Stopwatch.GetTimestamp();
        lock (_gate)
        {
            slot = Math.Max(_next, now);
            _next = slot + _interval;
        }

        var wait = Stopwatch.GetElapsedTime(now, slot);
        return wait > TimeSpan.FromMilliseconds(0.5) ? Task.Delay(wait, cancellationToken) : Task.CompletedTask;
    }
}
