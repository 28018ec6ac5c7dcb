namespace EtcdNet.Transport;

/// <summary>A request message over the transport's send limit; nothing of it was sent.</summary>
internal sealed class GrpcMessageTooLargeException : Exception
{
    public GrpcMessageTooLargeException(int size, int limit)
        : base($"The request message is {size} bytes, over the client's send limit of {limit} bytes")
    {
        Size = size;
        Limit = limit;
    }

    public int Size { get; }

    public int Limit { get; }
}
