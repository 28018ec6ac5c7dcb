namespace EtcdNet;

/// <summary>
/// An exponential backoff: the first wait is <see cref="Delay"/>, each further one doubles, up to
/// <see cref="MaxDelay"/>; every wait is jittered to between half and all of its step, so that clients that failed
/// together do not come back together.
/// </summary>
public sealed record EtcdBackoff
{
    /// <summary>Creates a backoff.</summary>
    /// <param name="delay">The first step.</param>
    /// <param name="maxDelay">The largest step.</param>
    public EtcdBackoff(TimeSpan delay, TimeSpan maxDelay)
    {
        Delay = delay;
        MaxDelay = maxDelay;
    }

    /// <summary>Creates a backoff of 100 ms to 1 s (for configuration binding, which sets both properties).</summary>
    public EtcdBackoff()
        : this(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1))
    {
    }

    /// <summary>The first step.</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>The largest step.</summary>
    public TimeSpan MaxDelay { get; init; }

    /// <summary>The step before jitter after <paramref name="failures"/> consecutive failures (0 for the first wait).</summary>
    /// <param name="failures">Consecutive failures before this one.</param>
    /// <returns>The step: <see cref="Delay"/> doubled <paramref name="failures"/> times, at most <see cref="MaxDelay"/>.</returns>
    public TimeSpan Step(int failures)
    {
        var factor = Math.Pow(2, Math.Clamp(failures, 0, 30));
        return TimeSpan.FromMilliseconds(Math.Min(MaxDelay.TotalMilliseconds, Delay.TotalMilliseconds * factor));
    }

    /// <summary>The step after <paramref name="failures"/> consecutive failures, jittered to between half and all of it.</summary>
    /// <param name="failures">Consecutive failures before this one.</param>
    /// <returns>The time to wait.</returns>
    public TimeSpan Next(int failures) => Step(failures) * (0.5 + (Random.Shared.NextDouble() * 0.5));

    /// <inheritdoc />
    public override string ToString() => $"{Delay.TotalMilliseconds:0} ms to {MaxDelay.TotalMilliseconds:0} ms";
}
