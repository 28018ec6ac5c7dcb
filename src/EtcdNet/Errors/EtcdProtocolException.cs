namespace EtcdNet;

/// <summary>
/// The endpoint answered, but not as an etcd gRPC server does: it does not speak HTTP/2, answered
/// with a non-gRPC content type or HTTP status, or does not implement etcd's services. Usually
/// the endpoint URL points at something other than an etcd client port.
/// </summary>
public sealed class EtcdProtocolException : EtcdException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The exception message.</param>
    /// <param name="statusCode">The gRPC status code the failure maps to.</param>
    /// <param name="endpoint">The endpoint that answered.</param>
    /// <param name="innerException">The underlying failure, if any.</param>
    public EtcdProtocolException(string message, GrpcStatusCode statusCode, string? endpoint = null, Exception? innerException = null)
        : base(message, statusCode, null, endpoint, innerException) { }

    /// <inheritdoc />
    public override bool IsTransient => false;
}
