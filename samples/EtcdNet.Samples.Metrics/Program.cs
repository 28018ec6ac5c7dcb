// Metrics of the EtcdNet client: a short workload (puts, gets, a watch, a kept-alive lease) during which one
// member of a local 3-member cluster is killed and restarted, so retries, set-aside endpoints and watch
// resumes show up. The instruments are printed every second from an in-process MeterListener; the same
// meter ("EtcdNet") can be watched from outside while the sample runs:
//   dotnet-counters monitor -n EtcdNet.Samples.Metrics --counters EtcdNet
// Pass endpoints to use your etcd instead (no member is killed then).
using EtcdNet;
using EtcdNet.Samples.Metrics;
using EtcdNet.Testing;

using var metrics = new MetricsPrinter();
await using var cluster = args.Length == 0 ? await EtcdCluster.StartAsync(3) : null;
var endpoints = cluster?.ClientUrls ?? args;
Console.WriteLine($"etcd endpoints: {string.Join(", ", endpoints)}");

await using var client = new EtcdClient(new EtcdClientOptions { Endpoints = endpoints });
using var stop = new CancellationTokenSource();
var watched = 0;
var watcher = Task.Run(async () =>
{
    try
    {
        await foreach (var response in client.WatchAsync("metrics/", new WatchOptions { Prefix = true }, stop.Token))
        {
            Interlocked.Add(ref watched, response.Events.Count);
        }
    }
    catch (OperationCanceledException)
    {
    }
});

var lease = await client.Lease.GrantAsync(TimeSpan.FromSeconds(10));
await using var keepAlive = client.Lease.KeepAliveAsync(lease.Id);
for (var second = 1; second <= 6; second++)
{
    if (second == 3 && cluster is not null)
    {
        Console.WriteLine("killing member m0 (its clients fail over; the watch resumes elsewhere)");
        await cluster.Members[0].KillAsync();
    }

    if (second == 5 && cluster is not null)
    {
        Console.WriteLine("restarting member m0");
        await cluster.Members[0].StartAsync();
    }

    var failed = 0;
    for (var i = 0; i < 100; i++)
    {
        try
        {
            await client.PutAsync($"metrics/{i % 10}", $"value {second}.{i}");
            await client.GetAsync($"metrics/{i % 10}");
        }
        catch (EtcdException e) when (e.IsTransient)
        {
            // While a new leader is elected etcd may answer "request timed out": the put's outcome is unknown,
            // so the client does not repeat it on its own.
            failed++;
        }
    }

    metrics.Print($"after {second} s; {failed} calls failed during this second; the watch has seen {Volatile.Read(ref watched)} events");
    await Task.Delay(TimeSpan.FromSeconds(1));
}

await stop.CancelAsync();
await watcher;
