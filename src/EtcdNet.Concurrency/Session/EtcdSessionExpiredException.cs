namespace EtcdNet.Concurrency;

/// <summary>The session's lease expired (or was revoked) while an operation needed it, so the key it owned is gone (Go: <c>ErrSessionExpired</c>).</summary>
public sealed class EtcdSessionExpiredException : Exception
{
    /// <summary>Creates the exception with a default message.</summary>
    public EtcdSessionExpiredException() : this("The session's lease expired.") { }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public EtcdSessionExpiredException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public EtcdSessionExpiredException(string message, Exception? innerException) : base(message, innerException) { }
}
