using System.Net;

namespace EtcdNet.Transport;

/// <summary>
/// The request body of a duplex call: the handler hands over its request stream, the call writes
/// messages to it whenever it likes, and the body ends when <see cref="Complete"/> is called.
/// </summary>
internal sealed class PushStreamContent : HttpContent
{
    private readonly TaskCompletionSource<Stream> _stream = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _completed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public PushStreamContent()
    {
        Headers.TryAddWithoutValidation("content-type", "application/grpc");
    }

    /// <summary>Completes when the handler starts sending the body.</summary>
    public Task<Stream> StreamReady => _stream.Task;

    /// <summary>Ends the request body (half-close).</summary>
    public void Complete() => _completed.TrySetResult();

    /// <summary>Fails any writer still waiting for the stream (the call ended before the body started).</summary>
    public void Abort(Exception reason) => _stream.TrySetException(reason);

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        _stream.TrySetResult(stream);
        return _completed.Task;
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
        => SerializeToStreamAsync(stream, context);

    protected override bool TryComputeLength(out long length)
    {
        length = -1;
        return false;
    }
}
