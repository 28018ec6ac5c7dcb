using Microsoft.Extensions.Time.Testing;

namespace EtcdNet.UnitTests.Resilience;

/// <summary>A fake clock that also tells when timers are created, so a test advances it only once a wait has begun.</summary>
internal sealed class CountingClock : FakeTimeProvider
{
    private readonly Lock _gate = new();
    private readonly List<(int Count, TaskCompletionSource Reached)> _waiters = [];
    private int _timers;

    public CountingClock()
        : base(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero))
    {
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        lock (_gate)
        {
            _timers++;
            foreach (var waiter in _waiters.Where(w => w.Count <= _timers).ToList())
            {
                waiter.Reached.TrySetResult();
                _waiters.Remove(waiter);
            }
        }

        return timer;
    }

    /// <summary>How many timers have been created so far.</summary>
    public int Created
    {
        get
        {
            lock (_gate)
            {
                return _timers;
            }
        }
    }

    /// <summary>
    /// Moves the clock on by <paramref name="step"/> whenever a timer is created, until <paramref name="awaited"/>
    /// completes: every wait the code under test begins (a backoff, a deadline) passes, and nothing else does.
    /// </summary>
    public async Task<T> AdvanceUntilAsync<T>(Task<T> awaited, TimeSpan step, TimeSpan guard)
    {
        using var limit = new CancellationTokenSource(guard);
        while (!awaited.IsCompleted)
        {
            var seen = Created;
            Advance(step);
            await Task.WhenAny(awaited, TimersCreated(seen + 1)).WaitAsync(limit.Token);
        }

        return await awaited;
    }

    /// <summary>Completes once <paramref name="count"/> timers have been created in all.</summary>
    public Task TimersCreated(int count)
    {
        lock (_gate)
        {
            if (_timers >= count)
            {
                return Task.CompletedTask;
            }

            var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((count, reached));
            return reached.Task;
        }
    }
}
