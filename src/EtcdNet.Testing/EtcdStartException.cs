namespace EtcdNet.Testing;

/// <summary>
/// Thrown when an etcd member exits during start-up or does not become healthy within
/// <see cref="EtcdClusterOptions.StartTimeout"/>. The message ends with the member's recent log lines.
/// </summary>
public sealed class EtcdStartException : Exception
{
    /// <summary>Creates the exception with a generic message.</summary>
    public EtcdStartException()
        : this("An etcd member failed to start.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public EtcdStartException(string message)
        : this(message, innerException: null)
    {
    }

    /// <summary>Creates the exception with a message and the failure that caused it.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The underlying failure.</param>
    public EtcdStartException(string message, Exception? innerException)
        : base(message, innerException)
    {
        MemberName = string.Empty;
        Logs = string.Empty;
    }

    /// <summary>Creates the exception for a member, appending its log lines to the message.</summary>
    /// <param name="memberName">Name of the member that failed (for example <c>m1</c>).</param>
    /// <param name="reason">What went wrong.</param>
    /// <param name="logs">The member's recent log lines.</param>
    /// <param name="innerException">The underlying failure, if any.</param>
    public EtcdStartException(string memberName, string reason, string logs, Exception? innerException = null)
        : base($"etcd member {memberName}: {reason}{Environment.NewLine}Recent log lines of {memberName}:{Environment.NewLine}{logs}", innerException)
    {
        MemberName = memberName;
        Logs = logs;
    }

    /// <summary>Name of the member that failed, or empty when not known.</summary>
    public string MemberName { get; }

    /// <summary>The member's recent log lines at the time of the failure.</summary>
    public string Logs { get; }

    /// <summary>True when the member could not bind its port ("address already in use").</summary>
    public bool IsPortConflict => Logs.Contains("address already in use", StringComparison.OrdinalIgnoreCase);
}
