namespace EtcdNet;

/// <summary>Why one endpoint could not serve a call.</summary>
/// <param name="Endpoint">The endpoint, as configured.</param>
/// <param name="Reason">A readable description of the failure.</param>
/// <param name="Exception">The underlying exception, when there is one.</param>
public sealed record EndpointFailure(string Endpoint, string Reason, Exception? Exception)
{
    /// <inheritdoc />
    public override string ToString() => Reason.Contains(Endpoint, StringComparison.Ordinal) ? Reason : $"{Endpoint}: {Reason}";
}
