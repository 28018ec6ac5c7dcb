using System.Buffers;

namespace EtcdNet.Transport.Http2;

/// <summary>
/// The write side: frames are queued under the connection's lock; whoever finds no write in progress writes
/// everything queued (its own frames and any queued meanwhile by other callers) until the queue is empty. Writes
/// are blocking socket writes from the caller's thread: the socket never sees an asynchronous operation, so it
/// stays in blocking mode and the reader's blocking reads wait in the kernel rather than on a runtime event. The
/// reader thread writes only control frames (acknowledgements, window updates).
/// </summary>
internal sealed partial class Http2Connection
{
    private const int KeptBufferSize = 64 << 10;

    private ArrayBufferWriter<byte> _pending = new(4096);
    private ArrayBufferWriter<byte> _writing = new(4096);
    private bool _flushing;

    /// <summary>Bytes handed to the socket so far: a frame queued at an offset below this may have reached the server.</summary>
    private long _handedOff;

    /// <summary>Writes whatever is queued, unless another thread is already doing so. Never throws: a failed write fails the connection.</summary>
    private void Flush()
    {
        lock (_gate)
        {
            if (_flushing || _pending.WrittenCount == 0 || _failure is not null)
            {
                return;
            }

            _flushing = true;
        }

        try
        {
            while (true)
            {
                ArrayBufferWriter<byte> batch;
                lock (_gate)
                {
                    if (_pending.WrittenCount == 0 || _failure is not null)
                    {
                        _flushing = false;
                        return;
                    }

                    batch = _pending;
                    _pending = _writing;
                    _writing = batch;
                    Volatile.Write(ref _handedOff, _handedOff + batch.WrittenCount);
                }

                _stream.Write(batch.WrittenSpan);
                if (batch.Capacity > KeptBufferSize)
                {
                    lock (_gate)
                    {
                        _writing = new ArrayBufferWriter<byte>(4096); // let a large request's buffer go
                    }
                }
                else
                {
                    batch.ResetWrittenCount();
                }
            }
        }
        catch (Exception e)
        {
            lock (_gate)
            {
                _flushing = false;
            }

            Abort(TransportFailure($"writing to {Endpoint} failed: {e.Message}", e, ConnectionFault.Reset));
        }
    }

    /// <summary>Queues a small control frame from the reader (ACKs, window updates) and writes it.</summary>
    private void QueueControl(FrameType type, byte flags, int streamId, ReadOnlySpan<byte> payload)
    {
        lock (_gate)
        {
            if (_failure is not null)
            {
                return;
            }

            Http2.WriteFrame(_pending, type, flags, streamId, payload);
        }

        // A control frame is a few bytes and the server reads continuously, so the reader writes it itself
        // (unless a write is in progress, which takes it along) rather than waking a pool thread for every
        // PING ACK the server's bandwidth probe asks for.
        Flush();
    }

    private void QueueControl(FrameType type, int streamId, uint value)
    {
        Span<byte> payload = stackalloc byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(payload, value);
        QueueControl(type, 0, streamId, payload);
    }

    /// <summary>Writes what is queued from a pool thread (for the reader, timers and cancellation callbacks).</summary>
    private void FlushLater() => ThreadPool.UnsafeQueueUserWorkItem(static connection => connection.Flush(), this, preferLocal: false);

    private GrpcCallException TransportFailure(string message, Exception? inner, ConnectionFault fault)
        => new(new GrpcStatus(GrpcStatusCode.Unavailable, message), CallFailureKind.Transport, true, Endpoint.Address, inner, fault);
}
