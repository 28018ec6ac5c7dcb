using Google.Protobuf;

namespace EtcdNet.Transport;

/// <summary>The shape of an RPC.</summary>
internal enum MethodType
{
    Unary,
    ServerStreaming,
    DuplexStreaming,
}

/// <summary>
/// Describes one etcd RPC: its path, response parser, shape, and whether it is safe to repeat
/// after the request may have reached the server (the retry decision rests on this flag).
/// </summary>
internal sealed class GrpcMethod<TRequest, TResponse>
    where TRequest : class, IMessage<TRequest>
    where TResponse : class, IMessage<TResponse>
{
    public GrpcMethod(string service, string name, MessageParser<TResponse> parser, MethodType type, bool repeatable)
    {
        Service = service;
        Name = name;
        Path = "/" + service + "/" + name;
        Parser = parser;
        Type = type;
        Repeatable = repeatable;
    }

    /// <summary>Fully qualified service name, e.g. <c>etcdserverpb.KV</c>.</summary>
    public string Service { get; }

    public string Name { get; }

    /// <summary>The HTTP/2 path, e.g. <c>/etcdserverpb.KV/Range</c>.</summary>
    public string Path { get; }

    public MessageParser<TResponse> Parser { get; }

    public MethodType Type { get; }

    /// <summary>True when repeating the call after it may have reached the server cannot change the outcome.</summary>
    public bool Repeatable { get; }

    public override string ToString() => Path;
}
