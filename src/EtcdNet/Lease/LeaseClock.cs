namespace EtcdNet.Lease;

/// <summary>
/// Monotonic time for lease keep-alive scheduling: the time elapsed since the clock was made, read from the client's
/// <see cref="TimeProvider"/> (so a fake clock drives renewals and deadlines in tests).
/// </summary>
internal sealed class LeaseClock(TimeProvider time)
{
    private readonly long _origin = time.GetTimestamp();

    /// <summary>The provider the readings come from.</summary>
    public TimeProvider Time => time;

    /// <summary>The time elapsed since the clock was made.</summary>
    public TimeSpan Now => time.GetElapsedTime(_origin);
}
