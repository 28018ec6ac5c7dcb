// OpenTelemetry: every etcd call as a span, and the client's metrics, exported to the console.
// Pass an endpoint (e.g. http://127.0.0.1:2379) to use your etcd; otherwise a local one-member cluster is started.
using EtcdNet;
using EtcdNet.Testing;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

await using var cluster = args.Length == 0 ? await EtcdCluster.StartAsync(1) : null;
var endpoints = cluster?.ClientUrls ?? args;

using var tracing = Sdk.CreateTracerProviderBuilder().AddEtcdNetInstrumentation().AddConsoleExporter().Build();
using var metering = Sdk.CreateMeterProviderBuilder().AddEtcdNetInstrumentation().AddConsoleExporter().Build();

await using (var client = new EtcdClient(new EtcdClientOptions { Endpoints = endpoints }))
{
    await client.PutAsync("sample/otel", "hello");
    var got = await client.GetAsync("sample/otel");
    Console.WriteLine($"read back: {got.Kvs[0].ValueString}");
}

// Disposing the providers at the end of the scope flushes the spans and the metrics to the console.
