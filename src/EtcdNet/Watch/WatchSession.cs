namespace EtcdNet.Watch;

/// <summary>
/// The life of one opened watch stream: cancelled when the client closes, or when the stream is found stuck (a create
/// unanswered too long, a failed health check), with the reason kept for the endpoint's report.
/// </summary>
internal sealed class WatchSession : IDisposable
{
    private readonly CancellationTokenSource _cancel;
    private readonly TimeProvider _time;
    private long _lastReceived;
    private string? _abandonedBecause;

    public WatchSession(TimeProvider time, CancellationToken shutdown)
    {
        _cancel = CancellationTokenSource.CreateLinkedTokenSource(shutdown);
        _time = time;
        _lastReceived = time.GetTimestamp();
    }

    public CancellationToken Token => _cancel.Token;

    /// <summary>When the stream last delivered a message (a timestamp of the client's <see cref="TimeProvider"/>).</summary>
    public long LastReceived => Volatile.Read(ref _lastReceived);

    /// <summary>Why the stream was given up, or null while it was not.</summary>
    public string? AbandonedBecause => Volatile.Read(ref _abandonedBecause);

    public void Received() => Volatile.Write(ref _lastReceived, _time.GetTimestamp());

    /// <summary>Gives the stream up: the reader sees a cancellation and the loop moves to another endpoint.</summary>
    public void Abandon(string reason)
    {
        Interlocked.CompareExchange(ref _abandonedBecause, reason, null);
        try
        {
            _cancel.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // the session already ended
        }
    }

    /// <summary>Ends the session (stops its monitors) without giving a reason.</summary>
    public void End()
    {
        try
        {
            _cancel.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // already ended
        }
    }

    public void Dispose() => _cancel.Dispose();
}
