using EtcdNet.Errors;
using EtcdNet.Transport;

namespace EtcdNet.Resilience;

/// <summary>What a stream's owner does after its stream ended.</summary>
/// <param name="Kind">What went wrong.</param>
/// <param name="Action">
/// <see cref="FailureAction.Fail"/>: end what depends on the stream with <paramref name="Error"/>;
/// <see cref="FailureAction.Reauthenticate"/>: reopen at once (the token was dropped); otherwise reopen after the backoff.
/// </param>
/// <param name="Error">The public error for the failure.</param>
internal readonly record struct StreamVerdict(FailureKind Kind, FailureAction Action, Exception Error)
{
    public bool Fails => Action == FailureAction.Fail;
}

/// <summary>
/// The failure handling every long-lived stream shares (watch, lease keep-alive, election observation): classifies
/// how the stream ended, asks <see cref="FailurePolicy"/> with <see cref="CallKind.Stream"/>, sets the endpoint aside
/// or drops the token as it says, fails for good when no endpoint is etcd, and paces reopening with the stream backoff.
/// One instance per stream owner; not thread-safe (one reconnect loop uses it).
/// </summary>
internal sealed class StreamRecovery(RpcInvoker invoker)
{
    private int _failures;
    private int _notEtcd;
    private bool _reauthenticated;

    /// <summary>The stream answered: the backoff starts over, and so do the counts behind a final failure.</summary>
    public void Answered()
    {
        _failures = 0;
        _notEtcd = 0;
        _reauthenticated = false;
    }

    /// <summary>Decides what follows <paramref name="failure"/> of a stream opened on the endpoint in slot <paramref name="endpointIndex"/> (-1: it failed before a stream was opened, while authenticating).</summary>
    /// <param name="failure">How the stream ended, or why it could not be opened.</param>
    /// <param name="endpointIndex">The pool slot of the stream's endpoint, or -1.</param>
    /// <param name="metadata">The metadata the stream was opened with (its token is dropped when refused).</param>
    public StreamVerdict OnFailure(Exception failure, int endpointIndex, IReadOnlyList<KeyValuePair<string, string>>? metadata)
    {
        ArgumentNullException.ThrowIfNull(failure);
        // The owner handles its own shutdown first: a cancellation that gets here ended the stream from below.
        var kind = failure is OperationCanceledException ? FailureKind.Reset : FailureClassifier.Classify(failure);
        var decision = FailurePolicy.Decide(CallKind.Stream, kind, requestSent: true, CallProgress.Stream(_reauthenticated));
        var error = failure is GrpcCallException call ? EtcdErrorMapper.ToPublic(call, invoker.RequestTimeout, repeatable: true) : failure;
        if (decision.SetAside && endpointIndex >= 0)
        {
            invoker.Pool.ReportFailure(endpointIndex, failure.Message);
        }

        if (decision.Action == FailureAction.Reauthenticate)
        {
            invoker.Auth?.Invalidate(metadata);
            _reauthenticated = true;
        }

        _notEtcd = kind == FailureKind.NotEtcd ? _notEtcd + 1 : 0;
        if (_notEtcd >= invoker.Pool.Count)
        {
            decision = FailureDecision.Fail; // every endpoint answered, none as etcd
        }

        return new StreamVerdict(kind, decision.Action, error);
    }

    /// <summary>Waits the stream backoff (growing with each failure since the stream last answered); returns early when cancelled.</summary>
    public Task BackoffAsync(CancellationToken cancellationToken) => invoker.StreamBackoffAsync(_failures++, cancellationToken);
}
