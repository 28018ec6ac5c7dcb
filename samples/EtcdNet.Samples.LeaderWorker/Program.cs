// Leader-elected background worker: two candidates campaign in one EtcdElection; only the leader does
// the work, and when it resigns (or its session is lost) the other takes over. An observer prints every
// leadership change. Compatible with `etcdctl elect -l sample-election`.
// Pass an endpoint (e.g. http://127.0.0.1:2379) to use your etcd; otherwise a local one-member cluster is started.
using EtcdNet;
using EtcdNet.Concurrency;
using EtcdNet.Testing;

await using var cluster = args.Length == 0 ? await EtcdCluster.StartAsync(1) : null;
var endpoints = cluster?.ClientUrls ?? args;
Console.WriteLine($"etcd endpoints: {string.Join(", ", endpoints)}");

await using var client = new EtcdClient(new EtcdClientOptions { Endpoints = endpoints });
using var stop = new CancellationTokenSource();

await using var observerSession = await EtcdSession.CreateAsync(client, TimeSpan.FromSeconds(10));
var observer = Task.Run(async () =>
{
    try
    {
        await foreach (var leader in new EtcdElection(observerSession, "sample-election").ObserveAsync(stop.Token))
        {
            Console.WriteLine($"observer: leader is {leader.ValueString} ({leader.KeyString})");
        }
    }
    catch (OperationCanceledException)
    {
    }
});

await Task.WhenAll(RunWorkerAsync("worker-a"), RunWorkerAsync("worker-b"));
stop.Cancel();
await observer;
Console.WriteLine("done");

async Task RunWorkerAsync(string name)
{
    await using var session = await EtcdSession.CreateAsync(client, TimeSpan.FromSeconds(10));
    var election = new EtcdElection(session, "sample-election");
    await election.CampaignAsync(name);
    using var work = CancellationTokenSource.CreateLinkedTokenSource(session.Lost, stop.Token);
    for (var step = 1; step <= 3 && !work.IsCancellationRequested; step++)
    {
        await election.ProclaimAsync($"{name} step {step}");
        Console.WriteLine($"{name}: leader, doing work step {step}");
        await Task.Delay(300);
    }

    await election.ResignAsync();
    Console.WriteLine($"{name}: resigned");
}
