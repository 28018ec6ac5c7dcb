using System.Buffers.Binary;

namespace EtcdNet.Transport.Http2;

/// <summary>The connection-level frames the reader acts on: SETTINGS, PING, GOAWAY and WINDOW_UPDATE.</summary>
internal sealed partial class Http2Connection
{
    private void OnSettings(Http2.FrameHeader header, ReadOnlySpan<byte> payload)
    {
        if (header.Has(Http2.Ack))
        {
            return;
        }

        Http2Call[] woken = [];
        lock (_gate)
        {
            for (var i = 0; i + 6 <= payload.Length; i += 6)
            {
                var value = BinaryPrimitives.ReadUInt32BigEndian(payload[(i + 2)..]);
                switch (BinaryPrimitives.ReadUInt16BigEndian(payload[i..]))
                {
                    case Http2.SettingInitialWindowSize:
                        var delta = value - _peerInitialWindow;
                        _peerInitialWindow = value;
                        foreach (var call in _calls.Values)
                        {
                            call.SendWindow += delta;
                        }

                        woken = [.. _calls.Values];
                        break;
                    case Http2.SettingMaxFrameSize:
                        _peerMaxFrameSize = (int)Math.Clamp(value, Http2.DefaultMaxFrameSize, 1 << 20);
                        break;
                    case Http2.SettingMaxConcurrentStreams:
                        _peerMaxConcurrentStreams = value;
                        break;
                }
            }
        }

        QueueControl(FrameType.Settings, Http2.Ack, 0, []);
        foreach (var call in woken)
        {
            WakeSender(call);
        }
    }

    private void OnPing(Http2.FrameHeader header, ReadOnlySpan<byte> payload)
    {
        if (header.Has(Http2.Ack))
        {
            Volatile.Write(ref _pingSentTicks, 0);
            return;
        }

        QueueControl(FrameType.Ping, Http2.Ack, 0, payload);
    }

    private void OnGoAway(ReadOnlySpan<byte> payload)
    {
        var lastStreamId = BinaryPrimitives.ReadInt32BigEndian(payload) & int.MaxValue;
        var code = BinaryPrimitives.ReadUInt32BigEndian(payload[4..]);
        var failure = new GrpcCallException(new GrpcStatus(GrpcStatusCode.Unavailable, $"{Endpoint} is closing the connection (GOAWAY, HTTP/2 error {code})."), CallFailureKind.Transport, false, Endpoint.Address, fault: ConnectionFault.GoAway);
        List<Http2Call> refused = [];
        bool drained;
        lock (_gate)
        {
            _goAwayLastStreamId = Math.Min(_goAwayLastStreamId, lastStreamId);
            foreach (var call in _calls.Values)
            {
                if (call.StreamId > lastStreamId)
                {
                    refused.Add(call);
                }
            }

            foreach (var call in refused)
            {
                _calls.Remove(call.StreamId);
            }

            drained = _calls.Count == 0;
        }

        foreach (var call in refused)
        {
            FailLater(call, failure); // the server did not and will not process these
        }

        if (drained)
        {
            Abort(failure);
        }
    }

    private void OnWindowUpdate(Http2.FrameHeader header, ReadOnlySpan<byte> payload)
    {
        var increment = BinaryPrimitives.ReadUInt32BigEndian(payload) & int.MaxValue;
        Http2Call[] woken;
        lock (_gate)
        {
            if (header.StreamId == 0)
            {
                _connectionSendWindow += increment;
                woken = [.. _calls.Values];
            }
            else if (_calls.TryGetValue(header.StreamId, out var call))
            {
                call.SendWindow += increment;
                woken = [call];
            }
            else
            {
                return;
            }
        }

        foreach (var call in woken)
        {
            WakeSender(call);
        }
    }

    private void WakeSender(Http2Call call)
    {
        TaskCompletionSource? waiter;
        lock (_gate)
        {
            waiter = call.WindowWaiter;
            call.WindowWaiter = null;
        }

        waiter?.TrySetResult();
    }
}
