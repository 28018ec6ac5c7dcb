namespace EtcdNet;

/// <summary>The server cancelled the watch. etcd reports it as <c>etcdserver: watch canceled</c>.</summary>
public sealed class EtcdWatchCanceledException : EtcdException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The exception message.</param>
    /// <param name="serverMessage">The message etcd sent, or null when raised by the client.</param>
    /// <param name="endpoint">The endpoint that reported it, if known.</param>
    public EtcdWatchCanceledException(string message, string? serverMessage = null, string? endpoint = null)
        : base(message, GrpcStatusCode.Cancelled, serverMessage, endpoint) { }
}
