using System.Net;

namespace EtcdNet.Transport;

/// <summary>
/// The request body of a duplex call: the handler hands over its request stream, the call writes
/// messages to it whenever it likes, and the body ends when <see cref="Complete"/> is called (or
/// when the handler's token is cancelled).
/// </summary>
internal sealed class PushStreamContent : HttpContent
{
    private readonly TaskCompletionSource<Stream> _stream = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _completed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public PushStreamContent()
    {
        Headers.TryAddWithoutValidation("content-type", "application/grpc");
    }

    /// <summary>Completes when the handler starts sending the body; cancelled when the call ends first.</summary>
    public Task<Stream> StreamReady => _stream.Task;

    /// <summary>Ends the request body (half-close).</summary>
    public void Complete() => _completed.TrySetResult();

    /// <summary>Releases writers waiting for a body that will never start, and ends the body.</summary>
    public void Abort()
    {
        _stream.TrySetCanceled();
        _completed.TrySetResult();
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        => SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        _stream.TrySetResult(stream);
        await _completed.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override bool TryComputeLength(out long length)
    {
        length = -1;
        return false;
    }
}
