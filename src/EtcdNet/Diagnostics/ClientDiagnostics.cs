using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Diagnostics.Metrics;
using EtcdNet.Transport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EtcdNet.Diagnostics;

/// <summary>
/// One client's loggers, and the single calls through which the client's components report what
/// happens to them (logs plus metrics). A logger provider or metrics listener that throws is ignored,
/// and one failing observer does not hide an event from the others: observing the client never
/// breaks it. Nothing here logs a password, a token, or a key's value.
/// </summary>
[SuppressMessage("Design", "CA1031:Do not catch general exception types", Justification = "A failing logger or listener must not fail the client.")]
internal sealed partial class ClientDiagnostics
{
    /// <summary>No logging (metrics still go to the process-wide meter).</summary>
    public static readonly ClientDiagnostics Disabled = new(NullLoggerFactory.Instance);

    private readonly ILogger _resilience;
    private readonly ILogger _watch;
    private readonly ILogger _lease;
    private readonly ILogger _auth;

    public ClientDiagnostics(ILoggerFactory? loggerFactory)
    {
        var factory = loggerFactory ?? NullLoggerFactory.Instance;
        _resilience = factory.CreateLogger("EtcdNet.Resilience");
        _watch = factory.CreateLogger("EtcdNet.Watch");
        _lease = factory.CreateLogger("EtcdNet.Lease");
        _auth = factory.CreateLogger("EtcdNet.Auth");
    }

    public void EndpointConnected(GrpcEndpoint endpoint)
    {
        try
        {
            ResilienceLog.EndpointConnected(_resilience, endpoint.Address);
        }
        catch (Exception)
        {
            // observing must not fail the client
        }
    }

    public void EndpointSetAside(GrpcEndpoint endpoint, int failures, TimeSpan backoff, string? reason)
    {
        if (EtcdTelemetry.EndpointsSetAside.Enabled)
        {
            Count(EtcdTelemetry.EndpointsSetAside, new KeyValuePair<string, object?>(RpcTags.ServerAddress, RpcTags.Host(endpoint)));
        }

        try
        {
            ResilienceLog.EndpointSetAside(_resilience, endpoint.Address, (long)backoff.TotalMilliseconds, failures, reason ?? "failed");
        }
        catch (Exception)
        {
            // observing must not fail the client
        }
    }

    public void EndpointRecovered(GrpcEndpoint endpoint, int failures)
    {
        try
        {
            ResilienceLog.EndpointRecovered(_resilience, endpoint.Address, failures);
        }
        catch (Exception)
        {
            // observing must not fail the client
        }
    }

    /// <summary>An attempt failed and another follows; <paramref name="reason"/> is a <see cref="RetryReasons"/> string.</summary>
    public void Retrying(string method, int attempt, GrpcEndpoint endpoint, string reason, GrpcCallException failure)
    {
        if (EtcdTelemetry.Retries.Enabled)
        {
            try
            {
                EtcdTelemetry.Retries.Add(1, new TagList { { "reason", reason }, { RpcTags.Method, method } });
            }
            catch (Exception)
            {
                // observing must not fail the client
            }
        }

        try
        {
            ResilienceLog.RetryScheduled(_resilience, method, attempt, endpoint.Address, reason, failure.Message);
        }
        catch (Exception)
        {
            // observing must not fail the client
        }
    }

    /// <summary>
    /// A call gives up with <paramref name="error"/> after <paramref name="attempts"/> attempts; logged
    /// unless it is a first attempt that simply failed (the caller gets that error anyway).
    /// </summary>
    /// <returns><paramref name="error"/>, for <c>throw</c>.</returns>
    public Exception GaveUp(string method, int attempts, string stopReason, Exception error)
    {
        if (attempts > 1 || stopReason != RetryReasons.NotRetryable)
        {
            try
            {
                ResilienceLog.RetriesStopped(_resilience, method, attempts, stopReason, error.Message);
            }
            catch (Exception)
            {
                // observing must not fail the client
            }
        }

        return error;
    }

    private static void Count(Counter<long> counter, long value = 1)
    {
        try
        {
            counter.Add(value);
        }
        catch (Exception)
        {
            // observing must not fail the client
        }
    }

    private static void Count(Counter<long> counter, KeyValuePair<string, object?> tag)
    {
        try
        {
            counter.Add(1, tag);
        }
        catch (Exception)
        {
            // observing must not fail the client
        }
    }
}
