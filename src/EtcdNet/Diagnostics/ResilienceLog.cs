using Microsoft.Extensions.Logging;

namespace EtcdNet.Diagnostics;

/// <summary>Log messages of endpoint choice and retries (category <c>EtcdNet.Resilience</c>, event ids 1000-1099).</summary>
internal static partial class ResilienceLog
{
    [LoggerMessage(EventId = 1001, EventName = "EndpointConnected", Level = LogLevel.Information,
        Message = "First successful call to etcd endpoint {Endpoint}")]
    public static partial void EndpointConnected(ILogger logger, string endpoint);

    [LoggerMessage(EventId = 1002, EventName = "EndpointSetAside", Level = LogLevel.Warning,
        Message = "Etcd endpoint {Endpoint} set aside for {BackoffMs} ms after {Failures} consecutive failure(s): {Reason}")]
    public static partial void EndpointSetAside(ILogger logger, string endpoint, long backoffMs, int failures, string reason);

    [LoggerMessage(EventId = 1003, EventName = "EndpointRecovered", Level = LogLevel.Information,
        Message = "Etcd endpoint {Endpoint} answered again after {Failures} failure(s)")]
    public static partial void EndpointRecovered(ILogger logger, string endpoint, int failures);

    [LoggerMessage(EventId = 1010, EventName = "RetryScheduled", Level = LogLevel.Debug,
        Message = "{Method} attempt {Attempt} on {Endpoint} failed ({RetryReason}: {Error}); retrying")]
    public static partial void RetryScheduled(ILogger logger, string method, int attempt, string endpoint, string retryReason, string error);

    [LoggerMessage(EventId = 1011, EventName = "RetriesStopped", Level = LogLevel.Warning,
        Message = "{Method} stopped after {Attempts} attempt(s) ({StopReason}); last error: {Error}")]
    public static partial void RetriesStopped(ILogger logger, string method, int attempts, string stopReason, string error);
}
