using EtcdNet.IntegrationTests.Infrastructure;
using EtcdNet.Testing;
using Microsoft.Extensions.Logging;

namespace EtcdNet.IntegrationTests;

/// <summary>Listeners and loggers that throw from every callback change no call's outcome.</summary>
[Collection(DiagnosticsCollection.Name)]
public sealed class DiagnosticsFailingListenerTests(ITestOutputHelper output)
    : OwnClusterTest(output, 1)
{
    [Fact]
    public async Task ThrowingActivityListenerMeterListenerAndLogger_CallsWatchesAndErrorsAreUnchanged()
    {
        using var traces = new ActivityRecorder(throwFromCallbacks: true);
        using var meter = new MeterRecorder(throwFromCallbacks: true);
        var capture = new CapturingLoggerProvider(throwOnLog: true);
        using var factory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(capture));
        await using var client = new EtcdClient(new EtcdClientOptions { Endpoints = Cluster.ClientUrls, LoggerFactory = factory });
        await using var watch = await WatchRecorder.StartAsync(client, "fail/", new WatchOptions { Prefix = true });

        var first = await client.PutAsync("fail/k", "1");
        var second = await client.PutAsync("fail/k", "2");
        Assert.Equal("2", (await client.GetAsync("fail/k")).Kvs[0].ValueString);
        Assert.Equal([first.Header.Revision, second.Header.Revision], (await watch.EventsAsync(2)).Select(e => e.Kv.ModRevision));
        await client.CompactAsync(second.Header.Revision);
        await Assert.ThrowsAsync<EtcdCompactedException>(() => client.GetAsync("fail/k", new GetOptions { Revision = first.Header.Revision }));

        // The failing callbacks did run.
        Output.WriteLine($"activities started {traces.Started}, stopped {traces.Stopped.Count}, measurements {meter.Measurements.Count}, logs {capture.Logs.Count}");
        Assert.True(traces.Started >= 5);
        Assert.NotEmpty(traces.Stopped);
        Assert.Contains(meter.Measurements, m => m.Instrument == "rpc.client.duration");
        Assert.Contains(meter.Measurements, m => m.Instrument == "etcdnet.watch.events");
        Assert.Contains(capture.Logs, l => l.EventId.Id == 1001);
        Assert.Equal(traces.Started, traces.Stopped.Count); // spans whose start callback threw were still ended
        Assert.Null(System.Diagnostics.Activity.Current);
    }
}
