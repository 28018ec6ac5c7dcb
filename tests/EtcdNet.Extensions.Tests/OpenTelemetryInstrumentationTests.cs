using System.Diagnostics;
using EtcdNet.Testing;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace EtcdNet.Extensions.Tests;

/// <summary><c>AddEtcdNetInstrumentation()</c> on OpenTelemetry's providers records the calls made to a real etcd.</summary>
public sealed class OpenTelemetryInstrumentationTests : IAsyncLifetime
{
    private EtcdCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await EtcdCluster.StartAsync(1);

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task Instrumented_ProvidersRecordASpanAndADurationPerCall_UninstrumentedOnesNothing()
    {
        var spans = new List<Activity>();
        var metrics = new List<Metric>();
        var otherSpans = new List<Activity>();
        using (var tracing = Sdk.CreateTracerProviderBuilder().AddEtcdNetInstrumentation().AddInMemoryExporter(spans).Build())
        using (var metering = Sdk.CreateMeterProviderBuilder().AddEtcdNetInstrumentation().AddInMemoryExporter(metrics).Build())
        using (var uninstrumented = Sdk.CreateTracerProviderBuilder().AddSource("Other").AddInMemoryExporter(otherSpans).Build())
        {
            await using var client = new EtcdClient(_cluster.ClientUrls.ToArray());
            await client.PutAsync("otel/a", "1");
            await client.GetAsync("otel/a");
            tracing.ForceFlush();
            metering.ForceFlush();
        }

        var put = Assert.Single(spans, s => (string?)s.GetTagItem("rpc.method") == "Put");
        Assert.Equal(ActivityKind.Client, put.Kind);
        Assert.Equal("grpc", put.GetTagItem("rpc.system"));
        Assert.Equal("etcdserverpb.KV", put.GetTagItem("rpc.service"));
        Assert.Contains(spans, s => (string?)s.GetTagItem("rpc.method") == "Range");
        // Exported at the flush and again when the provider is disposed (cumulative): the last export counts.
        var durations = metrics.Last(m => m.Name == "rpc.client.duration");
        var points = 0;
        foreach (ref readonly var point in durations.GetMetricPoints())
        {
            points += (int)point.GetHistogramCount();
        }

        Assert.True(points >= 2, $"{points} calls measured");
        Assert.Empty(otherSpans);
    }
}
