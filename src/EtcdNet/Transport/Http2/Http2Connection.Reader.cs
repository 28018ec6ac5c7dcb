using System.Buffers;
using System.Buffers.Binary;

namespace EtcdNet.Transport.Http2;

/// <summary>
/// The read side: one thread per connection reads frames with blocking reads and acts on them. Calls complete on
/// this thread; with inline completion the caller's continuation runs here too, without a thread hand-off.
/// </summary>
internal sealed partial class Http2Connection
{
    /// <summary>The largest frame accepted: the default SETTINGS_MAX_FRAME_SIZE, which this side never raises.</summary>
    private const int MaxFrameSize = Http2.DefaultMaxFrameSize;

    private readonly byte[] _readBuffer = new byte[4 * (MaxFrameSize + Http2.FrameHeaderSize)];
    private readonly List<(string Name, string Value)> _fields = [];
    private readonly ArrayBufferWriter<byte> _headerFragments = new(256);
    private int _readStart;
    private int _readEnd;
    private int _headerStreamId;
    private byte _headerFlags;
    private int _connectionUncredited;
    private long _lastReadTicks = Environment.TickCount64;

    /// <summary>Sends the preface and settings, then waits for the server's SETTINGS: proof that it speaks HTTP/2.</summary>
    private void Handshake()
    {
        var hello = new ArrayBufferWriter<byte>(128);
        hello.Write(Http2.Preface);
        Http2.WriteSettings(hello, (Http2.SettingEnablePush, 0u), (Http2.SettingInitialWindowSize, (uint)StreamWindow));
        Http2.WriteFrame(hello, FrameType.WindowUpdate, 0, ConnectionWindow - Http2.DefaultWindow);
        _stream.Write(hello.WrittenSpan);

        while (_readEnd < Http2.FrameHeaderSize)
        {
            var read = _stream.Read(_readBuffer, _readEnd, _readBuffer.Length - _readEnd);
            if (read == 0)
            {
                throw new NotHttp2Exception("it closed the connection without answering the HTTP/2 preface");
            }

            _readEnd += read;
        }

        var first = Http2.FrameHeader.Read(_readBuffer);
        if (first.Type != FrameType.Settings || first.Has(Http2.Ack) || first.StreamId != 0 || first.Length % 6 != 0 || first.Length > MaxFrameSize)
        {
            throw new NotHttp2Exception("its reply was not HTTP/2");
        }
    }

    private void StartReader()
    {
        var thread = new Thread(static state => ((Http2Connection)state!).ReadLoop())
        {
            IsBackground = true,
            Name = "etcd HTTP/2 reader",
        };
        thread.Start(this);
    }

    private void ReadLoop()
    {
        lock (_readerLock)
        {
            _readerThreadId = Environment.CurrentManagedThreadId;
        }

        try
        {
            while (true)
            {
                Fill(Http2.FrameHeaderSize);
                var header = Http2.FrameHeader.Read(_readBuffer.AsSpan(_readStart));
                if (header.Length > MaxFrameSize)
                {
                    throw new InvalidDataException($"a {header.Length}-byte frame exceeds the {MaxFrameSize}-byte maximum");
                }

                Fill(Http2.FrameHeaderSize + header.Length);
                var payload = _readBuffer.AsSpan(_readStart + Http2.FrameHeaderSize, header.Length);
                _readStart += Http2.FrameHeaderSize + header.Length;
                OnFrame(header, payload);
            }
        }
        catch (ReaderReplacedException)
        {
            // A call's continuation held this thread too long; another reader took over.
        }
        catch (Exception e)
        {
            Abort(ReadFailure(e));
        }
    }

    /// <summary>Reads until at least <paramref name="count"/> unread bytes are buffered.</summary>
    private void Fill(int count)
    {
        if (_readEnd - _readStart >= count)
        {
            return;
        }

        if (_readBuffer.Length - _readStart < count)
        {
            _readBuffer.AsSpan(_readStart, _readEnd - _readStart).CopyTo(_readBuffer);
            _readEnd -= _readStart;
            _readStart = 0;
        }

        while (_readEnd - _readStart < count)
        {
            var read = _stream.Read(_readBuffer, _readEnd, _readBuffer.Length - _readEnd);
            if (read == 0)
            {
                throw new EndOfStreamException();
            }

            _readEnd += read;
            _lastReadTicks = Environment.TickCount64;
        }
    }

    private void OnFrame(Http2.FrameHeader header, ReadOnlySpan<byte> payload)
    {
        if (_headerStreamId != 0 && header.Type != FrameType.Continuation)
        {
            throw new InvalidDataException("a header block was interrupted by another frame");
        }

        switch (header.Type)
        {
            case FrameType.Data:
                OnData(header, payload);
                break;
            case FrameType.Headers:
                OnHeaders(header, payload);
                break;
            case FrameType.Continuation:
                OnContinuation(header, payload);
                break;
            case FrameType.RstStream:
                OnReset(header, payload);
                break;
            case FrameType.Settings:
                OnSettings(header, payload);
                break;
            case FrameType.Ping:
                OnPing(header, payload);
                break;
            case FrameType.GoAway:
                OnGoAway(payload);
                break;
            case FrameType.WindowUpdate:
                OnWindowUpdate(header, payload);
                break;
            case FrameType.PushPromise:
                throw new InvalidDataException("the server pushed a stream although push is disabled");
        }
    }

    private void OnData(Http2.FrameHeader header, ReadOnlySpan<byte> payload)
    {
        CreditConnection(header.Length);
        var data = Unpad(header, payload);
        var call = Find(header.StreamId);
        if (call is null)
        {
            return; // a call the caller gave up on: its data is dropped
        }

        if (!call.OnData(data))
        {
            Cancel(call);
            FailLater(call, new GrpcCallException(new GrpcStatus(GrpcStatusCode.ResourceExhausted, $"the response from {Endpoint} is over the receive limit of {call.MaxBodySize - GrpcFrameWriter.HeaderSize} bytes (EtcdClientOptions.MaxReceiveMessageSize)."), CallFailureKind.Transport, true, Endpoint.Address));
            return;
        }

        if (header.Has(Http2.EndStream))
        {
            Finish(call);
            return;
        }

        call.UncreditedBytes += header.Length;
        if (call.UncreditedBytes >= StreamWindow / 2)
        {
            QueueControl(FrameType.WindowUpdate, call.StreamId, (uint)call.UncreditedBytes);
            call.UncreditedBytes = 0;
        }
    }

    private void CreditConnection(int length)
    {
        _connectionUncredited += length;
        if (_connectionUncredited >= ConnectionWindow / 2)
        {
            QueueControl(FrameType.WindowUpdate, 0, (uint)_connectionUncredited);
            _connectionUncredited = 0;
        }
    }

    private void OnHeaders(Http2.FrameHeader header, ReadOnlySpan<byte> payload)
    {
        var fragment = Unpad(header, payload);
        if (header.Has(Http2.PriorityFlag))
        {
            fragment = fragment[Math.Min(5, fragment.Length)..];
        }

        _headerFragments.ResetWrittenCount();
        _headerFragments.Write(fragment);
        _headerFlags = header.Flags;
        if (header.Has(Http2.EndHeaders))
        {
            OnHeaderBlock(header.StreamId);
        }
        else
        {
            _headerStreamId = header.StreamId;
        }
    }

    private void OnContinuation(Http2.FrameHeader header, ReadOnlySpan<byte> payload)
    {
        if (_headerStreamId == 0 || header.StreamId != _headerStreamId)
        {
            throw new InvalidDataException("a CONTINUATION frame arrived outside a header block");
        }

        _headerFragments.Write(payload);
        if (header.Has(Http2.EndHeaders))
        {
            _headerStreamId = 0;
            OnHeaderBlock(header.StreamId);
        }
    }

    private void OnHeaderBlock(int streamId)
    {
        _fields.Clear();
        _decoder.Decode(_headerFragments.WrittenSpan, _fields); // decoded even for a dropped call: the table must stay in step
        if (Find(streamId) is not { } call)
        {
            return;
        }

        call.OnHeaders(_fields);
        if ((_headerFlags & Http2.EndStream) != 0)
        {
            Finish(call);
        }
    }

    private void OnReset(Http2.FrameHeader header, ReadOnlySpan<byte> payload)
    {
        var code = payload.Length >= 4 ? BinaryPrimitives.ReadUInt32BigEndian(payload) : Http2.ProtocolError;
        if (Remove(header.StreamId) is not { } call)
        {
            return;
        }

        var status = GrpcStatus.FromHttp2ErrorCode(code);
        FailLater(call, new GrpcCallException(
            new GrpcStatus(status == GrpcStatusCode.Internal ? GrpcStatusCode.Unavailable : status, $"{Endpoint} reset the stream (HTTP/2 error {code})."),
            CallFailureKind.Transport, code != Http2.RefusedStream, Endpoint.Address, fault: ConnectionFault.Reset));
    }

    private void Finish(Http2Call call)
    {
        bool drained;
        lock (_gate)
        {
            _calls.Remove(call.StreamId);
            drained = _goAwayLastStreamId != int.MaxValue && _calls.Count == 0;
        }

        if (drained)
        {
            Abort(new GrpcCallException(new GrpcStatus(GrpcStatusCode.Unavailable, $"{Endpoint} closed the connection (GOAWAY)."), CallFailureKind.Transport, false, Endpoint.Address, fault: ConnectionFault.GoAway));
        }

        Deliver(call);
    }

    private Http2Call? Find(int streamId)
    {
        lock (_gate)
        {
            return _calls.GetValueOrDefault(streamId);
        }
    }

    private Http2Call? Remove(int streamId)
    {
        lock (_gate)
        {
            return _calls.Remove(streamId, out var call) ? call : null;
        }
    }

    private static ReadOnlySpan<byte> Unpad(Http2.FrameHeader header, ReadOnlySpan<byte> payload)
    {
        if (!header.Has(Http2.Padded))
        {
            return payload;
        }

        var padding = payload.Length > 0 ? payload[0] : int.MaxValue;
        return padding < payload.Length ? payload[1..^padding] : throw new InvalidDataException("a frame's padding exceeds its payload");
    }

    private GrpcCallException ReadFailure(Exception e)
    {
        bool goingAway;
        lock (_gate)
        {
            goingAway = _goAwayLastStreamId != int.MaxValue;
        }

        return e switch
        {
            EndOfStreamException => TransportFailure($"{Endpoint} closed the connection.", e, goingAway ? ConnectionFault.GoAway : ConnectionFault.Reset),
            InvalidDataException => TransportFailure($"HTTP/2 protocol error from {Endpoint}: {e.Message}.", e, ConnectionFault.Reset),
            _ => TransportFailure($"connection to {Endpoint} failed: {e.Message}", e, ConnectionFault.Reset),
        };
    }

    /// <summary>The peer's first frame was not SETTINGS: it is not an HTTP/2 server.</summary>
    private sealed class NotHttp2Exception(string message) : Exception(message);
}
