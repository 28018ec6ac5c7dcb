namespace EtcdNet;

public sealed partial record EtcdClientOptions
{
    /// <summary>Attempts and backoffs for calls, streams and endpoints. Default: <see cref="EtcdRetryOptions.Default"/>.</summary>
    public EtcdRetryOptions Retry { get; init; } = EtcdRetryOptions.Default;

    /// <summary>
    /// How many attempts one call may make in all, across endpoints, when failures allow a retry: a shortcut for
    /// <see cref="EtcdRetryOptions.MaxAttempts"/> of <see cref="Retry"/> (set it after <see cref="Retry"/> when both
    /// are set). Default: 10; 1 disables retries.
    /// </summary>
    public int MaxAttempts
    {
        get => Retry.MaxAttempts;
        init => Retry = Retry with { MaxAttempts = value };
    }

    /// <summary>
    /// The clock of every timeout, backoff and delay of the client (deadlines, retries, reconnections, endpoint
    /// checks). Default: <see cref="TimeProvider.System"/>; tests may pass a fake one.
    /// </summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>
    /// Whether every unary call asks etcd to refuse it when the member it reaches has no leader (Go's
    /// <c>WithRequireLeader</c>): such a call fails at once with <see cref="EtcdNoLeaderException"/> instead of waiting
    /// for an election and retrying. Watches ask for it per watch (<see cref="WatchOptions.RequireLeader"/>); lease
    /// keep-alive streams always do. Default: false.
    /// </summary>
    public bool RequireLeader { get; init; }
}
