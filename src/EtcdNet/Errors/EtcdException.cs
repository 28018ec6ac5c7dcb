namespace EtcdNet;

/// <summary>
/// An error reported by etcd or by the transport while talking to it. Specific etcd errors are
/// subclasses; catch this type to handle every etcd failure. Two outcomes are not etcd failures and
/// keep their .NET types: a passed deadline is <see cref="EtcdTimeoutException"/> (a
/// <see cref="TimeoutException"/>), and the caller's cancellation is <see cref="OperationCanceledException"/>.
/// </summary>
public class EtcdException : Exception
{
    /// <summary>Creates an exception with a message and no status.</summary>
    public EtcdException() : this("An etcd call failed.") { }

    /// <summary>Creates an exception with a message and <see cref="GrpcStatusCode.Unknown"/>.</summary>
    public EtcdException(string message) : this(message, GrpcStatusCode.Unknown) { }

    /// <summary>Creates an exception with a message, <see cref="GrpcStatusCode.Unknown"/> and an inner exception.</summary>
    public EtcdException(string message, Exception? innerException)
        : this(message, GrpcStatusCode.Unknown, serverMessage: null, endpoint: null, innerException) { }

    /// <summary>Creates an exception with the given status.</summary>
    /// <param name="message">The exception message.</param>
    /// <param name="statusCode">The gRPC status code.</param>
    /// <param name="serverMessage">The message the server sent, if any.</param>
    /// <param name="endpoint">The endpoint that produced the error, if known.</param>
    /// <param name="innerException">The underlying failure, if any.</param>
    public EtcdException(string message, GrpcStatusCode statusCode, string? serverMessage = null, string? endpoint = null, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        ServerMessage = serverMessage;
        Endpoint = endpoint;
    }

    /// <summary>The gRPC status code of the failed call.</summary>
    public GrpcStatusCode StatusCode { get; }

    /// <summary>The error message exactly as etcd sent it (for example <c>etcdserver: key is not provided</c>), or null when the error arose in the client.</summary>
    public string? ServerMessage { get; }

    /// <summary>The endpoint that produced the error, when known.</summary>
    public string? Endpoint { get; }

    /// <summary>
    /// True when the same call may succeed if tried again later (no leader, leader changed,
    /// server stopped, too many requests, connection failures).
    /// </summary>
    public virtual bool IsTransient => StatusCode is GrpcStatusCode.Unavailable or GrpcStatusCode.ResourceExhausted && this is not EtcdNoSpaceException and not EtcdRequestTooLargeException;
}
