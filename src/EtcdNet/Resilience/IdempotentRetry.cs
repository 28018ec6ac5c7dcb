namespace EtcdNet.Resilience;

/// <summary>Repeats calls that are safe to repeat (guarded transactions, reads) when they fail transiently, for example during a member failover.</summary>
internal static class IdempotentRetry
{
    private const int MaxAttempts = 12;

    /// <summary>Runs <paramref name="call"/>, retrying transient failures with a short backoff until it succeeds, fails permanently, or <paramref name="cancellationToken"/> is cancelled.</summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="call">The call; it must be safe to apply more than once.</param>
    /// <param name="cancellationToken">Cancels the call and the retries.</param>
    /// <param name="untilCancelled">Retry transient failures until <paramref name="cancellationToken"/> is cancelled, with no attempt limit (for a token with a deadline).</param>
    public static async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken, bool untilCancelled = false)
    {
        var maxAttempts = untilCancelled && cancellationToken.CanBeCanceled ? int.MaxValue : MaxAttempts;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (attempt < maxAttempts && !cancellationToken.IsCancellationRequested && IsTransient(e))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(1000, 50 * attempt)), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>True for failures after which the same idempotent call may succeed.</summary>
    /// <param name="error">The failure.</param>
    public static bool IsTransient(Exception error) => error switch
    {
        EtcdOutcomeUnknownException => true,
        EtcdException etcd => etcd.IsTransient,
        TimeoutException => true,
        _ => false,
    };
}
