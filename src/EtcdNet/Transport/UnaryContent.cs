using System.Net;
using Google.Protobuf;

namespace EtcdNet.Transport;

/// <summary>
/// The body of a unary or server-streaming call: one framed message, serialized when the handler
/// asks for it. <see cref="Started"/> records whether any of it may have left the client.
/// </summary>
internal sealed class UnaryContent : HttpContent
{
    private readonly IMessage _message;
    private readonly int _size;
    private volatile bool _started;

    public UnaryContent(IMessage message, int maxSize)
    {
        _message = message;
        _size = GrpcFrameWriter.MeasureChecked(message, maxSize);
        Headers.TryAddWithoutValidation("content-type", "application/grpc");
    }

    /// <summary>True once the handler began writing the body: from then on the server may have the request.</summary>
    public bool Started => _started;

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        => SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        _started = true;
        var buffer = GrpcFrameWriter.Rent(_message, _size, out var length);
        try
        {
            await stream.WriteAsync(buffer.AsMemory(0, length), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            GrpcFrameWriter.Return(buffer);
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = GrpcFrameWriter.HeaderSize + _size;
        return true;
    }
}
