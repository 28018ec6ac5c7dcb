using EtcdNet.Protocol.Rpc;
using EtcdNet.Transport;

namespace EtcdNet.Watch;

internal sealed partial class WatchStream
{
    private readonly HashSet<Watcher> _watchers = [];
    private readonly Queue<Watcher> _pendingCreates = new();
    private readonly Dictionary<long, Watcher> _byServerId = [];
    private Watcher? _creating;

    /// <summary>Registers a watch; it is created on the stream in turn.</summary>
    public void Add(Watcher watcher)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, typeof(EtcdClient));
            _watchers.Add(watcher);
            _pendingCreates.Enqueue(watcher);
            SendNextCreateLocked();
        }

        EnsureRunning();
    }

    /// <summary>The user is done with the watch: forget it and cancel it on the server.</summary>
    public void Remove(Watcher watcher)
    {
        IGrpcStreamingCall<WatchRequest, Protocol.Rpc.WatchResponse>? call;
        long? serverId;
        lock (_gate)
        {
            if (!_watchers.Remove(watcher))
            {
                return;
            }

            watcher.Close();
            serverId = watcher.ServerId;
            watcher.ServerId = null;
            if (serverId is { } id)
            {
                _byServerId.Remove(id);
            }

            // A watch whose create is in flight is cancelled when its Created reply arrives.
            call = _call;
        }

        if (serverId is { } cancelId && call is not null)
        {
            Send(call, new WatchRequest { CancelRequest = new WatchCancelRequest { WatchId = cancelId } });
        }
    }

    /// <summary>Called by the consumer after reading: re-creates a watch paused by a full buffer once half of it is free.</summary>
    public void ResumeAfterOverflow(Watcher watcher)
    {
        lock (_gate)
        {
            if (!watcher.CanResumeAfterOverflow || !_watchers.Contains(watcher))
            {
                return;
            }

            watcher.Overflowed = false;
            _pendingCreates.Enqueue(watcher);
            SendNextCreateLocked();
        }
    }

    private bool HasWatchers()
    {
        lock (_gate)
        {
            return _watchers.Count > 0;
        }
    }

    /// <summary>A new stream is up: every watch will be re-created on it from its resume point.</summary>
    private void Attach(IGrpcStreamingCall<WatchRequest, Protocol.Rpc.WatchResponse> call)
    {
        lock (_gate)
        {
            _call = call;
            _generation++;
            _creating = null;
            _byServerId.Clear();
            _pendingCreates.Clear();
            foreach (var watcher in _watchers)
            {
                watcher.ServerId = null;
                watcher.Fragments = null; // an incomplete revision is fetched again from the resume point
                if (!watcher.Overflowed)
                {
                    _pendingCreates.Enqueue(watcher);
                    if (_generation > 1)
                    {
                        _invoker.Diagnostics.WatchResumed(call.Endpoint.Address, watcher.NextRevision);
                    }
                }
            }

            SendNextCreateLocked();
        }
    }

    private void Detach(IGrpcStreamingCall<WatchRequest, Protocol.Rpc.WatchResponse> call)
    {
        lock (_gate)
        {
            if (ReferenceEquals(_call, call))
            {
                _call = null;
                _creating = null;
            }
        }
    }

    /// <summary>Sends the next create unless one is already waiting for its reply.</summary>
    private void SendNextCreateLocked()
    {
        if (_call is not { } call || _creating is not null)
        {
            return;
        }

        while (_pendingCreates.TryDequeue(out var watcher))
        {
            if (watcher.Closed || watcher.Overflowed || watcher.ServerId is not null || !_watchers.Contains(watcher))
            {
                continue;
            }

            _creating = watcher;
            watcher.CreateSentAt = _invoker.Time.GetTimestamp();
            Send(call, new WatchRequest { CreateRequest = watcher.CreateRequest(_generation) });
            return;
        }
    }

    private void FailAll(Exception error)
    {
        lock (_gate)
        {
            foreach (var watcher in _watchers)
            {
                watcher.Close(error);
            }

            _watchers.Clear();
            _pendingCreates.Clear();
            _byServerId.Clear();
            _creating = null;
        }
    }
}
