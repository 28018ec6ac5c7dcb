namespace EtcdNet;

/// <summary>
/// The call's deadline (<see cref="EtcdClientOptions.RequestTimeout"/>) passed before etcd answered.
/// A write that timed out may or may not have been applied.
/// </summary>
public sealed class EtcdTimeoutException : TimeoutException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="timeout">The deadline that passed.</param>
    /// <param name="endpoint">The endpoint the call was waiting on, if known.</param>
    /// <param name="innerException">The underlying failure, if any.</param>
    public EtcdTimeoutException(TimeSpan timeout, string? endpoint = null, Exception? innerException = null)
        : base($"The etcd call did not complete within its {timeout.TotalMilliseconds:0.###} ms timeout" + (endpoint is null ? "." : $" (endpoint {endpoint})."), innerException)
    {
        Timeout = timeout;
        Endpoint = endpoint;
    }

    /// <summary>The deadline that passed.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>The endpoint the call was waiting on, if known.</summary>
    public string? Endpoint { get; }
}
