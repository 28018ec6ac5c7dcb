namespace EtcdNet.Resilience;

/// <summary>
/// The one table of what each kind of failure does to each kind of call, and the limits on top of it (attempts,
/// deadline, one re-authentication). Every call loop and every stream asks it; docs/resilience.md prints it.
/// </summary>
internal static class FailurePolicy
{
    private static readonly FailureDecision Another = new(FailureAction.TryAnotherEndpoint, SetAside: true);
    private static readonly FailureDecision Backoff = new(FailureAction.RetryAfterBackoff, SetAside: false);
    private static readonly FailureDecision BackoffElsewhere = new(FailureAction.RetryAfterBackoff, SetAside: true);
    private static readonly FailureDecision Reauthenticate = new(FailureAction.Reauthenticate, SetAside: false);

    /// <summary>Decides what follows <paramref name="failure"/> of a call of kind <paramref name="call"/>.</summary>
    /// <param name="call">The kind of call.</param>
    /// <param name="failure">What went wrong.</param>
    /// <param name="requestSent">False only when the request certainly never reached the server.</param>
    /// <param name="progress">Attempts made, re-authentication done, time left and the next backoff.</param>
    public static FailureDecision Decide(CallKind call, FailureKind failure, bool requestSent, CallProgress progress)
    {
        var decision = Rule(call, failure, requestSent);
        if (decision.Action == FailureAction.Reauthenticate)
        {
            return progress.Reauthenticated ? FailureDecision.Fail : decision; // a fresh token refused too is final
        }

        if (!decision.Retries || call == CallKind.Stream)
        {
            return decision;
        }

        if (failure == FailureKind.NoLeader && progress.RequiresLeader)
        {
            return decision with { Action = FailureAction.Fail }; // the caller wants to know at once, as etcd said
        }

        if (progress.Attempt >= progress.MaxAttempts
            || (progress.TimeLeft != Timeout.InfiniteTimeSpan && progress.TimeLeft <= TimeSpan.Zero)
            || (decision.Action == FailureAction.RetryAfterBackoff && progress.TimeLeft != Timeout.InfiniteTimeSpan && progress.NextDelay >= progress.TimeLeft))
        {
            return decision with { Action = FailureAction.Fail }; // out of attempts, or of time to wait for another
        }

        return decision;
    }

    /// <summary>The table itself: the decision before attempt and time limits.</summary>
    public static FailureDecision Rule(CallKind call, FailureKind failure, bool requestSent) => failure switch
    {
        FailureKind.CancelledByCaller or FailureKind.WrongCredentials or FailureKind.PermissionDenied or FailureKind.Unimplemented
            or FailureKind.Compacted or FailureKind.RequestTooLarge or FailureKind.Rejected => FailureDecision.Fail,
        FailureKind.StaleToken => Reauthenticate,
        FailureKind.Deadline or FailureKind.ServerError => call == CallKind.Stream ? Backoff : FailureDecision.Fail,
        _ when call == CallKind.Member => FailureDecision.Fail, // addressed to one member: its failure is the answer
        FailureKind.Refused or FailureKind.BlackHole => Another,
        FailureKind.Reset or FailureKind.KeepAliveTimeout or FailureKind.GoAway or FailureKind.NotEtcd
            => call == CallKind.Write && requestSent ? FailureDecision.Fail with { SetAside = true } : Another,
        FailureKind.NoLeader => call == CallKind.Write ? FailureDecision.Fail : BackoffElsewhere,
        FailureKind.LeaderChanged or FailureKind.Unavailable => call == CallKind.Write ? FailureDecision.Fail : Backoff,
        _ => FailureDecision.Fail,
    };
}
