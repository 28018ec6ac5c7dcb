using System.Buffers;

namespace EtcdNet.Transport.Http2;

/// <summary>
/// One unary gRPC exchange on an <see cref="Http2Connection"/>: the stream's send window, and the response the
/// connection's reader fills in (headers, body, trailers) before it completes the call. Fields the reader writes
/// are read by the caller only after <see cref="Completion"/> finished.
/// </summary>
internal sealed class Http2Call
{
    private readonly TaskCompletionSource _done;
    private byte[] _body = [];
    private int _bodyLength;

    public Http2Call(int maxBodySize, bool inlineCompletion)
    {
        MaxBodySize = maxBodySize;
        _done = new TaskCompletionSource(inlineCompletion ? TaskCreationOptions.None : TaskCreationOptions.RunContinuationsAsynchronously);
    }

    public int StreamId { get; set; }

    /// <summary>The most response body (gRPC frame included) the call accepts.</summary>
    public int MaxBodySize { get; }

    /// <summary>How much request data the peer lets this stream send now (guarded by the connection's lock).</summary>
    public long SendWindow { get; set; }

    /// <summary>Signalled when a WINDOW_UPDATE may let a blocked request continue (guarded by the connection's lock).</summary>
    public TaskCompletionSource? WindowWaiter { get; set; }

    /// <summary>Offset in the connection's output at which this call's first frame was queued.</summary>
    public long QueuedAt { get; set; }

    /// <summary>Response bytes received since the stream's receive window was last credited (reader only).</summary>
    public int UncreditedBytes { get; set; }

    public int HeaderBlocks { get; private set; }

    public int HttpStatus { get; private set; }

    public string? ContentType { get; private set; }

    /// <summary>A grpc-status in the first header block (a trailers-only response).</summary>
    public GrpcStatus? HeaderStatus { get; private set; }

    public GrpcStatus? TrailerStatus { get; private set; }

    public ReadOnlyMemory<byte> Body => _body.AsMemory(0, _bodyLength);

    public Task Completion => _done.Task;

    public bool IsCompleted => _done.Task.IsCompleted;

    /// <summary>Takes one decoded header block: the response headers first, the trailers after the body.</summary>
    public void OnHeaders(List<(string Name, string Value)> fields)
    {
        var trailers = HeaderBlocks++ > 0;
        string? statusText = null;
        string? message = null;
        foreach (var (name, value) in fields)
        {
            switch (name)
            {
                case ":status" when !trailers:
                    HttpStatus = int.TryParse(value, out var code) ? code : -1;
                    break;
                case "content-type" when !trailers:
                    ContentType = value;
                    break;
                case GrpcStatus.StatusHeader:
                    statusText = value;
                    break;
                case GrpcStatus.MessageHeader:
                    message = value;
                    break;
            }
        }

        if (statusText is null)
        {
            return;
        }

        var status = GrpcStatus.Parse(statusText, message);
        if (trailers)
        {
            TrailerStatus = status;
        }
        else
        {
            HeaderStatus = status;
        }
    }

    /// <summary>Appends response body bytes; false when the body would exceed <see cref="MaxBodySize"/>.</summary>
    public bool OnData(ReadOnlySpan<byte> data)
    {
        if (data.Length > MaxBodySize - _bodyLength)
        {
            return false;
        }

        if (_bodyLength + data.Length > _body.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(_bodyLength + data.Length, Math.Min(MaxBodySize, Math.Max(_body.Length * 2, 256))));
            _body.AsSpan(0, _bodyLength).CopyTo(larger);
            ReturnBody();
            _body = larger;
        }

        data.CopyTo(_body.AsSpan(_bodyLength));
        _bodyLength += data.Length;
        return true;
    }

    public void Complete() => _done.TrySetResult();

    public void Fail(Exception failure) => _done.TrySetException(failure);

    /// <summary>Gives the body's buffer back to the pool once the message was parsed.</summary>
    public void ReturnBody()
    {
        if (_body.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_body);
        }

        _body = [];
    }
}
