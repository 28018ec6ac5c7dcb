using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Reflection;

namespace EtcdNet.Diagnostics;

/// <summary>
/// The process-wide activity source and meter of every client, and their instruments. Recording
/// through an instrument nobody listens to costs a field check; callers test
/// <see cref="Instrument.Enabled"/> before building tags.
/// </summary>
internal static class EtcdTelemetry
{
    private static readonly string Version = typeof(EtcdTelemetry).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0";

    public static readonly ActivitySource Source = new(EtcdDiagnostics.ActivitySourceName, Version);

    public static readonly Meter Meter = new(EtcdDiagnostics.MeterName, Version);

    // Bucket bounds for call durations: 0.5 ms to 10 s.
    private static readonly double[] DurationBuckets = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    public static readonly Histogram<double> CallDuration = Meter.CreateHistogram(
        "rpc.client.duration",
        unit: "s",
        description: "Duration of each unary RPC attempt, from sending the request to the last byte of the answer.",
        tags: null,
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });

    public static readonly UpDownCounter<long> ActiveCalls = Meter.CreateUpDownCounter<long>(
        "etcdnet.client.calls.active", "{call}", "Unary RPC attempts in flight.");

    public static readonly Counter<long> Retries = Meter.CreateCounter<long>(
        "etcdnet.client.retries", "{retry}", "Unary RPC attempts that failed and were followed by another attempt.");

    public static readonly Counter<long> EndpointsSetAside = Meter.CreateCounter<long>(
        "etcdnet.client.endpoints.set_aside", "{event}", "Times an endpoint was set aside after a failure.");

    public static readonly Counter<long> WatchStreamsOpened = Meter.CreateCounter<long>(
        "etcdnet.watch.streams.opened", "{stream}", "Watch streams opened, the first and every reconnection.");

    public static readonly Counter<long> WatchResumes = Meter.CreateCounter<long>(
        "etcdnet.watch.resumes", "{watch}", "Watches re-created from their resume revision after their stream or server-side watch ended.");

    public static readonly Counter<long> WatchEvents = Meter.CreateCounter<long>(
        "etcdnet.watch.events", "{event}", "Watch events delivered to consumers.");

    public static readonly Counter<long> KeepAliveFailures = Meter.CreateCounter<long>(
        "etcdnet.lease.keepalive.failures", "{stream}", "Lease keep-alive streams that ended unexpectedly.");

    public static readonly Counter<long> LeasesLost = Meter.CreateCounter<long>(
        "etcdnet.lease.lost", "{lease}", "Kept-alive leases declared lost.");

    public static readonly Counter<long> TokenRefreshes = Meter.CreateCounter<long>(
        "etcdnet.auth.token.refreshes", "{token}", "Auth tokens obtained (first authentication and every renewal).");
}
