namespace EtcdNet;

/// <summary>
/// No endpoint could serve the call: each one refused the connection, could not be reached within
/// the dial timeout, or failed. <see cref="Failures"/> says what happened at each endpoint.
/// </summary>
public sealed class EtcdUnavailableException : EtcdException
{
    /// <summary>Creates the exception from the per-endpoint failures.</summary>
    /// <param name="failures">What happened at each endpoint tried.</param>
    public EtcdUnavailableException(IReadOnlyList<EndpointFailure> failures)
        : base(BuildMessage(failures), GrpcStatusCode.Unavailable, null, null, failures.Count > 0 ? failures[^1].Exception : null)
    {
        Failures = failures;
    }

    /// <summary>What happened at each endpoint that was tried, in the order tried.</summary>
    public IReadOnlyList<EndpointFailure> Failures { get; }

    /// <inheritdoc />
    public override bool IsTransient => true;

    private static string BuildMessage(IReadOnlyList<EndpointFailure> failures)
    {
        ArgumentNullException.ThrowIfNull(failures);
        return failures.Count == 0
            ? "No etcd endpoint is available."
            : "No etcd endpoint is available: " + string.Join("; ", failures);
    }
}
