namespace EtcdNet;

/// <summary>The election has no leader: nobody campaigned, or every leader resigned or lost its lease. etcd reports it as <c>election: no leader</c>.</summary>
public sealed class EtcdElectionNoLeaderException : EtcdException
{
    /// <summary>etcd's message for this error.</summary>
    internal const string WireMessage = "election: no leader";

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The exception message.</param>
    /// <param name="serverMessage">The message etcd sent, or null when raised by the client.</param>
    /// <param name="endpoint">The endpoint that reported it, if known.</param>
    public EtcdElectionNoLeaderException(string message, string? serverMessage = null, string? endpoint = null)
        : base(message, GrpcStatusCode.Unknown, serverMessage, endpoint) { }
}
