using EtcdNet;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace OpenTelemetry;

/// <summary>Adds EtcdNet's activity source and meter (both named <c>EtcdNet</c>) to OpenTelemetry providers.</summary>
public static class EtcdNetInstrumentationExtensions
{
    /// <summary>
    /// Records a span for every etcd call of every EtcdNet client in the process (OpenTelemetry RPC conventions:
    /// <c>rpc.system</c> <c>grpc</c>, <c>rpc.service</c>, <c>rpc.method</c>, the server address and the status).
    /// </summary>
    /// <param name="builder">The tracer provider builder.</param>
    /// <returns>The same builder, for chaining.</returns>
    public static TracerProviderBuilder AddEtcdNetInstrumentation(this TracerProviderBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddSource(EtcdDiagnostics.ActivitySourceName);
    }

    /// <summary>
    /// Collects EtcdNet's metrics: <c>rpc.client.duration</c> per call, calls in progress, retries, endpoints set
    /// aside, watch streams, resumes and events, keep-alive failures and leases lost (see docs/observability.md).
    /// </summary>
    /// <param name="builder">The meter provider builder.</param>
    /// <returns>The same builder, for chaining.</returns>
    public static MeterProviderBuilder AddEtcdNetInstrumentation(this MeterProviderBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddMeter(EtcdDiagnostics.MeterName);
    }
}
