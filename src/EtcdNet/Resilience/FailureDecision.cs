namespace EtcdNet.Resilience;

/// <summary>What to do after a failure.</summary>
internal enum FailureAction
{
    /// <summary>Stop and report the error (for a stream: end what depends on it with the error).</summary>
    Fail,
    /// <summary>Authenticate again, then repeat at once.</summary>
    Reauthenticate,
    /// <summary>Repeat on another endpoint now (a stream: after its reconnection backoff).</summary>
    TryAnotherEndpoint,
    /// <summary>Repeat after a backoff.</summary>
    RetryAfterBackoff,
}

/// <summary>The policy's answer: the action, and whether the endpoint is set aside until it answers again.</summary>
/// <param name="Action">What to do.</param>
/// <param name="SetAside">Whether the endpoint goes out of the rotation (and is probed in the background until it answers).</param>
internal readonly record struct FailureDecision(FailureAction Action, bool SetAside)
{
    public static readonly FailureDecision Fail = new(FailureAction.Fail, false);

    public bool Retries => Action != FailureAction.Fail;

    public override string ToString() => Action switch
    {
        FailureAction.Fail => SetAside ? "fail; set the endpoint aside" : "fail",
        FailureAction.Reauthenticate => "authenticate again, repeat once",
        FailureAction.TryAnotherEndpoint => SetAside ? "another endpoint; set this one aside" : "another endpoint",
        _ => SetAside ? "retry after backoff; set the endpoint aside" : "retry after backoff",
    };
}

/// <summary>Where a call stands when it fails.</summary>
/// <param name="Attempt">The attempt that failed, from 1.</param>
/// <param name="MaxAttempts">How many attempts the call may make in all.</param>
/// <param name="Reauthenticated">Whether the call already authenticated again once.</param>
/// <param name="TimeLeft">Time until the call's deadline (<see cref="Timeout.InfiniteTimeSpan"/> for none).</param>
/// <param name="NextDelay">The backoff the next retry would wait.</param>
internal readonly record struct CallProgress(int Attempt, int MaxAttempts, bool Reauthenticated, TimeSpan TimeLeft, TimeSpan NextDelay)
{
    /// <summary>The call asked for a member with a leader (etcd's <c>hasleader</c> metadata): "no leader" is its answer, not a reason to wait.</summary>
    public bool RequiresLeader { get; init; }

    /// <summary>A stream's progress: no attempt limit, no deadline.</summary>
    public static CallProgress Stream(bool reauthenticated) => new(1, int.MaxValue, reauthenticated, Timeout.InfiniteTimeSpan, TimeSpan.Zero);
}
