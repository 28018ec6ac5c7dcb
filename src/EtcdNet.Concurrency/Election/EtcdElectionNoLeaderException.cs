namespace EtcdNet.Concurrency;

/// <summary>The election has no leader (Go</summary>
public sealed class EtcdElectionNoLeaderException : Exception
{
    /// <summary>Creates the exception with a default message.</summary>
    public EtcdElectionNoLeaderException() : this(" <c>ErrElectionNoLeader</c>).:The election has no leader.") { }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public EtcdElectionNoLeaderException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public EtcdElectionNoLeaderException(string message, Exception? innerException) : base(message, innerException) { }
}
