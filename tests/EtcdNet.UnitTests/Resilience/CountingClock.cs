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
