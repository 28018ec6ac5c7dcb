namespace EtcdNet.Extensions;

/// <summary>Settings of <see cref="EtcdHealthCheck"/>.</summary>
public sealed record EtcdHealthCheckOptions
{
    /// <summary>How long each call of the check (the Status of one endpoint, the alarm list) may take. Default: 2 s.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(2);
}
