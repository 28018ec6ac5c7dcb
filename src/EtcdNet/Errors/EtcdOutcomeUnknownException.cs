namespace EtcdNet;

/// <summary>
/// A write (put, delete, transaction, compaction) failed after its request may have reached etcd:
/// the connection broke before the answer came. The write may or may not have been applied, so the
/// client did not send it again. Read the affected keys to learn the outcome before retrying.
/// </summary>
public sealed class EtcdOutcomeUnknownException : EtcdException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The exception message.</param>
    /// <param name="endpoint">The endpoint the write was sent to.</param>
    /// <param name="innerException">The underlying failure.</param>
    public EtcdOutcomeUnknownException(string message, string? endpoint = null, Exception? innerException = null)
        : base(message, GrpcStatusCode.Unavailable, null, endpoint, innerException) { }

    /// <summary>False: repeating the write blindly could apply it twice.</summary>
    public override bool IsTransient => false;
}
