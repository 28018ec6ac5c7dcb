namespace EtcdNet.Concurrency;

/// <summary>This session is not the leader of the election (Go</summary>
public sealed class EtcdElectionNotLeaderException : Exception
{
    /// <summary>Creates the exception with a default message.</summary>
    public EtcdElectionNotLeaderException() : this(" <c>ErrElectionNotLeader</c>).:This session is not the election leader.") { }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public EtcdElectionNotLeaderException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public EtcdElectionNotLeaderException(string message, Exception? innerException) : base(message, innerException) { }
}
