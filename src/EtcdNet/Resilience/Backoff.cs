namespace EtcdNet.Resilience;

/// <summary>Exponential backoff with full jitter in [50%, 100%] of the step.</summary>
internal static class Backoff
{
    public static TimeSpan Exponential(TimeSpan min, TimeSpan max, int attempt)
    {
        var factor = Math.Pow(2, Math.Clamp(attempt, 0, 30));
        var step = Math.Min(max.TotalMilliseconds, min.TotalMilliseconds * factor);
        var jittered = step * (0.5 + (Random.Shared.NextDouble() * 0.5));
        return TimeSpan.FromMilliseconds(jittered);
    }
}
