using Google.Protobuf;

namespace EtcdNet.Transport;

/// <summary>
/// A server-streaming or duplex call in progress: one reader and any number of serialized writers. Disposing it
/// before the server finished ends the call; reads and writes in progress then end with <see cref="OperationCanceledException"/>.
/// </summary>
internal interface IGrpcStreamingCall<TRequest, TResponse> : IAsyncDisposable
    where TRequest : class, IMessage<TRequest>
    where TResponse : class, IMessage<TResponse>
{
    /// <summary>The endpoint the call runs on.</summary>
    GrpcEndpoint Endpoint { get; }

    /// <summary>Writes one request message (duplex calls only). A write that fails aborts the whole call.</summary>
    ValueTask WriteAsync(TRequest message, CancellationToken cancellationToken);

    /// <summary>
    /// Writes several request messages as one write and one flush (duplex calls only): a stream that sends many small
    /// messages at once, such as lease renewals due together, pays for one send instead of one per message.
    /// </summary>
    async ValueTask WriteAsync(IReadOnlyList<TRequest> messages, CancellationToken cancellationToken)
    {
        foreach (var message in messages)
        {
            await WriteAsync(message, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Ends the request side (half-close) of a duplex call.</summary>
    void CompleteRequest();

    /// <summary>Reads the next response; null when the server ended the call with status OK.</summary>
    ValueTask<TResponse?> ReadAsync(CancellationToken cancellationToken);
}
