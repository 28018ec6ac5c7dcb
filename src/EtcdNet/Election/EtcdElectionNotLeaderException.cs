namespace EtcdNet;

/// <summary>
/// The leader key no longer holds the leadership: it resigned, its lease expired, or the key was
/// deleted. Proclaiming with it fails this way. etcd reports it as <c>election: not leader</c>.
/// </summary>
public sealed class EtcdElectionNotLeaderException : EtcdException
{
    /// <summary>etcd's message for this error.</summary>
    internal const string WireMessage = "election: not leader";

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The exception message.</param>
    /// <param name="serverMessage">The message etcd sent, or null when raised by the client.</param>
    /// <param name="endpoint">The endpoint that reported it, if known.</param>
    public EtcdElectionNotLeaderException(string message, string? serverMessage = null, string? endpoint = null)
        : base(message, GrpcStatusCode.Unknown, serverMessage, endpoint) { }
}
