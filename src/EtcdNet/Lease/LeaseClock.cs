using System.Diagnostics;

namespace EtcdNet.Lease;

/// <summary>Monotonic time for lease keep-alive scheduling: the time elapsed since an arbitrary origin.</summary>
internal static class LeaseClock
{
    private static readonly long Origin = Stopwatch.GetTimestamp();

    public static TimeSpan Now => Stopwatch.GetElapsedTime(Origin);
}
