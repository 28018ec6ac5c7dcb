namespace EtcdNet.Transport.Http2;

/// <summary>
/// How answers reach callers. With inline completion the reader thread runs the caller's continuation itself (no
/// thread hand-off). Should that continuation block (for example by waiting synchronously for another call on this
/// connection), a watchdog starts a new reader after <see cref="StallLimit"/> and the blocked thread leaves reading
/// once it returns, so a blocking continuation delays the connection but never deadlocks it. Failures are always
/// delivered from the thread pool.
/// </summary>
internal sealed partial class Http2Connection
{
    private static readonly TimeSpan StallLimit = TimeSpan.FromMilliseconds(20);

    private readonly object _readerLock = new();
    private readonly Timer _stallWatch;
    private int _readerThreadId;
    private long _deliveringSince;
    private bool _stallWatchArmed;

    /// <summary>Completes a call from the reader thread; throws <see cref="ReaderReplacedException"/> when another reader took over meanwhile.</summary>
    private void Deliver(Http2Call call)
    {
        Volatile.Write(ref _deliveringSince, Environment.TickCount64);
        call.Complete();
        lock (_readerLock)
        {
            if (_readerThreadId != Environment.CurrentManagedThreadId)
            {
                throw new ReaderReplacedException(); // the reader that replaced this thread owns the stall clock now
            }

            _deliveringSince = 0;
        }
    }

    private static void FailLater(Http2Call call, Exception failure)
        => ThreadPool.UnsafeQueueUserWorkItem(static state => state.Call.Fail(state.Failure), (Call: call, Failure: failure), preferLocal: false);

    /// <summary>Starts the watchdog while calls are in progress (under the connection's lock).</summary>
    private void ArmStallWatch()
    {
        if (_inlineCompletion && !_stallWatchArmed)
        {
            _stallWatchArmed = true;
            _stallWatch.Change(StallLimit, StallLimit);
        }
    }

    private void OnStallTick()
    {
        lock (_readerLock)
        {
            var since = _deliveringSince;
            if (since != 0 && Environment.TickCount64 - since >= StallLimit.TotalMilliseconds && _failure is null)
            {
                _deliveringSince = 0;
                _readerThreadId = -1; // the blocked thread leaves when its continuation returns
                StartReader();
            }
        }

        lock (_gate)
        {
            if (_failure is null && _calls.Count == 0 && Volatile.Read(ref _deliveringSince) == 0 && _stallWatchArmed)
            {
                _stallWatchArmed = false;
                _stallWatch.Change(Timeout.Infinite, Timeout.Infinite);
            }
        }
    }

    /// <summary>Unwinds a reader thread that was replaced while it ran a caller's continuation.</summary>
    private sealed class ReaderReplacedException : Exception;
}
