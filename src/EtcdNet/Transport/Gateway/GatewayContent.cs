using System.Net;

namespace EtcdNet.Transport.Gateway;

/// <summary>A gateway request body (JSON); <see cref="Started"/> records whether any of it may have left the client.</summary>
internal sealed class GatewayContent : HttpContent
{
    private readonly byte[] _body;
    private volatile bool _started;

    public GatewayContent(byte[] body)
    {
        _body = body;
        Headers.TryAddWithoutValidation("content-type", "application/json");
    }

    /// <summary>True once the handler began writing the body: from then on the server may have the request.</summary>
    public bool Started => _started;

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        => SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        _started = true;
        await stream.WriteAsync(_body, cancellationToken).ConfigureAwait(false);
    }

    protected override bool TryComputeLength(out long length)
    {
        length = _body.Length;
        return true;
    }
}
