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

/// <summary>What the connection did when a call failed below the gRPC status (the detail of a non-<see cref="CallFailureKind.Status"/> failure).</summary>
internal enum ConnectionFault
{
    /// <summary>Nothing below gRPC: the server answered with a status.</summary>
    None,
    /// <summary>The connection was refused, the name did not resolve, or the TLS handshake failed.</summary>
    Refused,
    /// <summary>No connection within the dial timeout (an address that drops packets).</summary>
    DialTimeout,
    /// <summary>The connection or stream broke: reset, closed, or ended early.</summary>
    Reset,
    /// <summary>The server stopped answering HTTP/2 pings: the connection was declared dead.</summary>
    KeepAliveTimeout,
    /// <summary>The server closed the connection on purpose (HTTP/2 GOAWAY or a NO_ERROR close).</summary>
    GoAway,
    /// <summary>The peer is not a gRPC server.</summary>
    NotGrpc,
    /// <summary>The peer answered, but not in HTTP/2 (an HTTP/1.1-only server, proxy or load balancer).</summary>
    NotHttp2,
}

/// <summary>A failed call below the resilience layer: the status plus what is known about delivery.</summary>
internal sealed class GrpcCallException : Exception
{
    public GrpcCallException(GrpcStatus status, CallFailureKind kind, bool requestSent, string endpoint, Exception? inner = null, ConnectionFault? fault = null)
        : base(status.Message ?? status.Code.ToString(), inner)
    {
        Status = status;
        Kind = kind;
        RequestSent = requestSent;
        Endpoint = endpoint;
        Fault = fault ?? kind switch
        {
            CallFailureKind.Connect => ConnectionFault.Refused,
            CallFailureKind.Transport => ConnectionFault.Reset,
            CallFailureKind.Protocol => ConnectionFault.NotGrpc,
            _ => ConnectionFault.None,
        };
    }

    public GrpcStatus Status { get; }

    public CallFailureKind Kind { get; }

    /// <summary>What the connection did, for failures below the gRPC status.</summary>
    public ConnectionFault Fault { get; }

    /// <summary>False only when it is certain that no byte of the request message reached the server.</summary>
    public bool RequestSent { get; }

    public string Endpoint { get; }

    /// <summary>The same failure, known not to have sent the request.</summary>
    public GrpcCallException NotSent() => new(Status, Kind, requestSent: false, Endpoint, InnerException, Fault);
}
