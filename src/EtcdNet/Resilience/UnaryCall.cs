using EtcdNet.Errors;
using EtcdNet.Transport;

namespace EtcdNet.Resilience;

/// <summary>
/// The state of one unary call across its attempts: its deadline (on the client's clock), the endpoints tried and
/// those found unreachable in the current round, the failures seen, and whether it already authenticated again.
/// </summary>
internal sealed class UnaryCall : IDisposable
{
    private readonly TimeProvider _time;
    private readonly long _started;
    private readonly CancellationTokenSource? _deadline;
    private readonly CancellationTokenRegistration _callerLink;
    private ulong _tried;
    private ulong _unreachable;
    private List<EndpointFailure>? _failures;

    public UnaryCall(CallKind kind, TimeSpan timeout, TimeProvider time, CancellationToken caller)
    {
        Kind = kind;
        Timeout = timeout;
        Caller = caller;
        _time = time;
        _started = time.GetTimestamp();
        if (timeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            _deadline = new CancellationTokenSource(timeout, time);
            _callerLink = caller.Register(static s => ((CancellationTokenSource)s!).Cancel(), _deadline);
        }
    }

    public CallKind Kind { get; }

    /// <summary>No attempt limit, and no stop when every endpoint is unreachable: each round over the endpoints starts afresh.</summary>
    public bool Persistent { get; init; }

    /// <summary>Whether the call asks for a member with a leader (the client's option, or a scope around the call).</summary>
    public bool RequiresLeader { get; init; }

    public TimeSpan Timeout { get; }

    /// <summary>The caller's own token.</summary>
    public CancellationToken Caller { get; }

    /// <summary>Cancelled by the caller or by the deadline.</summary>
    public CancellationToken Token => _deadline?.Token ?? Caller;

    /// <summary>True when the deadline, not the caller, ended the call.</summary>
    public bool DeadlinePassed => _deadline is { IsCancellationRequested: true } && !Caller.IsCancellationRequested;

    /// <summary>The time left until the deadline, or <see cref="System.Threading.Timeout.InfiniteTimeSpan"/>.</summary>
    public TimeSpan TimeLeft => _deadline is null ? System.Threading.Timeout.InfiniteTimeSpan : Timeout - _time.GetElapsedTime(_started);

    /// <summary>The attempt in progress, from 1.</summary>
    public int Attempt { get; private set; } = 1;

    public bool Reauthenticated { get; set; }

    /// <summary>The endpoint of the attempt in progress, as the user wrote it.</summary>
    public string? LastEndpoint { get; set; }

    /// <summary>The pooled endpoint an attempt is waiting on (null for none or an addressed call), and since when.</summary>
    public (GrpcEndpoint? Endpoint, long Since) Waiting { get; private set; }

    /// <summary>The endpoints tried in this round, to avoid when choosing the next.</summary>
    public ulong Tried => _tried;

    public IReadOnlyList<EndpointFailure> Failures => _failures ?? [];

    public void StartWaiting(GrpcEndpoint endpoint, bool pooled) => Waiting = pooled ? (endpoint, _time.GetTimestamp()) : (null, 0);

    public void StopWaiting() => Waiting = (null, 0);

    /// <summary>How long the attempt in progress has waited on its endpoint.</summary>
    public TimeSpan WaitedOnEndpoint => Waiting.Endpoint is null ? TimeSpan.Zero : _time.GetElapsedTime(Waiting.Since);

    /// <summary>Records a failed attempt at <paramref name="index"/> in a pool whose slots are <paramref name="allMask"/>.</summary>
    /// <returns>True when every endpoint of the pool is now known unreachable.</returns>
    public bool RecordFailure(GrpcCallException failure, int index, ulong allMask)
    {
        (_failures ??= []).Add(new EndpointFailure(failure.Endpoint, failure.Message, failure));
        _tried &= allMask; // endpoints replaced meanwhile no longer count
        _unreachable &= allMask;
        _tried |= 1UL << index;
        if (failure.Kind is CallFailureKind.Connect or CallFailureKind.Protocol)
        {
            _unreachable |= 1UL << index;
        }

        return _unreachable == allMask;
    }

    /// <summary>Moves to the next attempt; true when it starts a new round over all endpoints (which waits a backoff first).</summary>
    public bool NextAttempt(ulong allMask)
    {
        Attempt++;
        if (_tried == allMask)
        {
            _tried = 0;
            if (Persistent)
            {
                _unreachable = 0;
                _failures?.Clear(); // only the current round explains anything
            }

            return true;
        }

        return false;
    }

    public void Dispose()
    {
        _callerLink.Dispose();
        _deadline?.Dispose();
    }
}
