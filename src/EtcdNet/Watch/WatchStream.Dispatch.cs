using EtcdNet.Auth;
using EtcdNet.Protocol.Rpc;
using EtcdNet.Transport;
using Mvcc = EtcdNet.Protocol.Mvcc;

namespace EtcdNet.Watch;

internal sealed partial class WatchStream
{
    /// <summary>The watch ID etcd uses for replies that belong to no single watch (stream-wide progress, refused creates).</summary>
    private const long NoWatchId = -1;

    private void Dispatch(IGrpcStreamingCall<WatchRequest, Protocol.Rpc.WatchResponse> call, Protocol.Rpc.WatchResponse response)
    {
        lock (_gate)
        {
            if (!ReferenceEquals(_call, call))
            {
                return; // a reply from a stream that was replaced
            }

            if (response.Created)
            {
                OnCreatedLocked(call, response);
            }
            else if (response.WatchId == NoWatchId)
            {
                BroadcastProgressLocked(response);
            }
            else if (_byServerId.TryGetValue(response.WatchId, out var watcher))
            {
                if (response.Canceled || response.CompactRevision != 0)
                {
                    OnCanceledLocked(watcher, response);
                }
                else
                {
                    OnEventsLocked(call, watcher, response);
                }
            }
        }
    }

    private void OnCreatedLocked(IGrpcStreamingCall<WatchRequest, Protocol.Rpc.WatchResponse> call, Protocol.Rpc.WatchResponse response)
    {
        var watcher = _creating;
        _creating = null;
        if (watcher is not null)
        {
            watcher.CreateSentAt = 0;
        }

        if (watcher is null || watcher.Closed || !_watchers.Contains(watcher))
        {
            // The user left while the create was in flight.
            if (!response.Canceled && response.WatchId != NoWatchId)
            {
                Send(call, new WatchRequest { CancelRequest = new WatchCancelRequest { WatchId = response.WatchId } });
            }
        }
        else if (response.Canceled && AuthTokenProvider.IsStaleToken(response.CancelReason) && _invoker.Auth is { } auth)
        {
            // The stream's token expired: this watch (and any later create) needs a stream with a fresh token.
            auth.Invalidate(_streamMetadata);
            _pendingCreates.Enqueue(watcher);
            Volatile.Write(ref _restartRequested, true);
            return;
        }
        else if (response.Canceled)
        {
            _watchers.Remove(watcher);
            watcher.Close(WatchErrors.FromCancel(response, call.Endpoint.Address));
        }
        else
        {
            watcher.ServerId = response.WatchId;
            _byServerId[response.WatchId] = watcher;
            if (watcher.NextRevision == 0)
            {
                // A watch from now covers everything after the store revision it was created at.
                watcher.NextRevision = response.Header.Revision + 1;
            }

            if (watcher.Options.CreatedNotify && !watcher.CreatedDelivered)
            {
                watcher.CreatedDelivered = true;
                watcher.TryDeliver(EtcdNet.WatchResponse.From(response, [], watcher.ReportedId(response.WatchId)));
            }
        }

        SendNextCreateLocked();
    }

    /// <summary>
    /// A stream-wide progress reply goes to every watch on the stream. From a member whose etcd sends it in order with
    /// the events (<see cref="ProgressOrdering"/>), each watch gets the server's revision. Older versions send the
    /// store's revision at once, possibly ahead of events still queued for a watch, so each watch is told instead the
    /// revision it has certainly delivered everything through. Either way a progress notification is a bookmark (no
    /// later event of the watch is older) and never goes back. It does not move resume points.
    /// </summary>
    private void BroadcastProgressLocked(Protocol.Rpc.WatchResponse response)
    {
        var ordered = ProgressOrdering.IsOrdered(_call?.Endpoint.ServerVersion);
        foreach (var watcher in _byServerId.Values)
        {
            if (watcher.NextRevision > 0)
            {
                var reached = ordered ? Math.Max(response.Header.Revision, watcher.NextRevision - 1) : watcher.NextRevision - 1;
                watcher.TryDeliver(EtcdNet.WatchResponse.From(WithRevision(response, reached), [], watcher.ReportedId(response.WatchId)));
            }
        }
    }

    /// <summary>A copy of <paramref name="response"/> whose header names <paramref name="revision"/>.</summary>
    private static Protocol.Rpc.WatchResponse WithRevision(Protocol.Rpc.WatchResponse response, long revision)
    {
        var copy = response.Clone();
        copy.Header ??= new Protocol.Rpc.ResponseHeader();
        copy.Header.Revision = revision;
        return copy;
    }

    private void OnCanceledLocked(Watcher watcher, Protocol.Rpc.WatchResponse response)
    {
        _byServerId.Remove(response.WatchId);
        watcher.ServerId = null;
        watcher.Fragments = null;
        var error = WatchErrors.FromCancel(response, _call?.Endpoint.Address);
        if (error is EtcdException { IsTransient: true } || (error is not EtcdCompactedException && response.CancelReason.Length == 0))
        {
            // Cancelled by a member or proxy for a passing reason: resume where it stopped.
            _invoker.Diagnostics.WatchResumed(_call?.Endpoint.Address, watcher.NextRevision);
            _pendingCreates.Enqueue(watcher);
            SendNextCreateLocked();
            return;
        }

        _watchers.Remove(watcher);
        watcher.Close(error);
    }

    private void OnEventsLocked(IGrpcStreamingCall<WatchRequest, Protocol.Rpc.WatchResponse> call, Watcher watcher, Protocol.Rpc.WatchResponse response)
    {
        if (response.Fragment)
        {
            (watcher.Fragments ??= []).AddRange(response.Events);
            return;
        }

        IList<Mvcc.Event> raw = response.Events;
        if (watcher.Fragments is { } fragments)
        {
            fragments.AddRange(response.Events);
            raw = fragments;
            watcher.Fragments = null;
        }

        var events = NewEvents(watcher, raw);
        if (events.Count == 0 && raw.Count > 0)
        {
            return;
        }

        var next = events.Count > 0
            ? events[^1].Kv.ModRevision + 1
            : Math.Max(watcher.NextRevision, response.Header.Revision + 1); // per-watch progress: everything up to the header was sent
        if (events.Count == 0 && response.Header.Revision < watcher.NextRevision - 1)
        {
            // Per-watch progress from a member that lags behind what this watch already delivered (after a move):
            // report what the watch has reached, so progress never goes back.
            response = WithRevision(response, watcher.NextRevision - 1);
        }

        if (watcher.TryDeliver(EtcdNet.WatchResponse.From(response, events, watcher.ReportedId(response.WatchId))))
        {
            watcher.NextRevision = Math.Max(watcher.NextRevision, next);
            Diagnostics.ClientDiagnostics.WatchEventsDelivered(events.Count);
            return;
        }

        OnOverflowLocked(call, watcher, response.WatchId);
    }

    /// <summary>The events a watcher has not delivered yet: never a revision twice, whatever a resumed stream replays.</summary>
    private static List<WatchEvent> NewEvents(Watcher watcher, IList<Mvcc.Event> raw)
    {
        var events = new List<WatchEvent>(raw.Count);
        foreach (var e in raw)
        {
            if (e.Kv.ModRevision >= watcher.NextRevision)
            {
                watcher.Prefix?.Strip(e);
                events.Add(new WatchEvent(e));
            }
        }

        return events;
    }

    /// <summary>
    /// The consumer is too slow: stops the server-side watch; it is re-created from NextRevision once the consumer has
    /// read half of its buffer.
    /// </summary>
    private void OnOverflowLocked(IGrpcStreamingCall<WatchRequest, Protocol.Rpc.WatchResponse> call, Watcher watcher, long watchId)
    {
        watcher.Overflowed = true;
        Interlocked.Increment(ref _overflows);
        _byServerId.Remove(watchId);
        watcher.ServerId = null;
        Send(call, new WatchRequest { CancelRequest = new WatchCancelRequest { WatchId = watchId } });
        if (watcher.CanResumeAfterOverflow)
        {
            // The consumer drained the buffer in the meantime and will not ask again: resume now.
            watcher.Overflowed = false;
            _pendingCreates.Enqueue(watcher);
            SendNextCreateLocked();
        }
    }
}
