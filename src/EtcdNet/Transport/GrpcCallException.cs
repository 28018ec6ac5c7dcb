namespace EtcdNet.Transport;

/// <summary>How a call failed, as far as retry decisions are concerned.</summary>
internal enum CallFailureKind
{
    /// <summary>The server answered with a gRPC status.</summary>
    Status,
    /// <summary>No connection could be made; the request never left the client.</summary>
    Connect,
    /// <summary>The connection or stream broke; the request may have reached the server.</summary>
    Transport,
    /// <summary>The peer answered, but not as a gRPC server.</summary>
    Protocol,
}

/// <summary>A failed call below the resilience layer: the status plus what is known about delivery.</summary>
internal sealed class GrpcCallException : Exception
{
    public GrpcCallException(GrpcStatus status, CallFailureKind kind, bool requestSent, string endpoint, Exception? inner = null)
        : base(status.Message ?? status.Code.ToString(), inner)
    {
        Status = status;
        Kind = kind;
        RequestSent = requestSent;
        Endpoint = endpoint;
    }

    public GrpcStatus Status { get; }

    public CallFailureKind Kind { get; }

    /// <summary>False only when it is certain that no byte of the request message reached the server.</summary>
    public bool RequestSent { get; }

    public string Endpoint { get; }
}
