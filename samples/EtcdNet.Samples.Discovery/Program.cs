// Service discovery: registers this process as an endpoint of a service (kept alive by a lease, so it disappears
// within the TTL if the process dies), prints the service's live set after every change, and deregisters on Ctrl+C.
// Go services using clientv3/naming/endpoints with the same service name see it, and it sees them.
//   dotnet run -- [endpoints] [service] [name] [address] [ttl-seconds]
// Without endpoints (or with "-"), a local one-member cluster is started.
using EtcdNet;
using EtcdNet.Discovery;
using EtcdNet.Testing;

string Arg(int index, string fallback) => args.Length > index ? args[index] : fallback;
await using var cluster = Arg(0, "-") == "-" ? await EtcdCluster.StartAsync(1) : null;
var endpoints = cluster?.ClientUrls ?? Arg(0, "").Split(',');
var (service, name, address) = (Arg(1, "catalog"), Arg(2, $"instance-{Environment.ProcessId}"), Arg(3, "127.0.0.1:8080"));
var ttl = TimeSpan.FromSeconds(int.Parse(Arg(4, "10"), System.Globalization.CultureInfo.InvariantCulture));

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
await using var client = new EtcdClient(new EtcdClientOptions { Endpoints = endpoints });
var manager = new EndpointManager(client, service);
await using var registration = await manager.RegisterAsync(manager.KeyOf(name), new ServiceEndpoint(address), ttl, stop.Token);
Console.WriteLine($"REGISTERED {registration.Key} lease={registration.LeaseId:x} ttl={ttl.TotalSeconds}s");

try
{
    await foreach (var set in manager.WatchSetAsync(stop.Token))
    {
        Console.WriteLine($"{service}: {string.Join(", ", set.Select(e => $"{e.Key[manager.Prefix.Length..]}={e.Value.Address}"))}");
    }
}
catch (OperationCanceledException) when (stop.IsCancellationRequested)
{
    Console.WriteLine("deregistering");
}
