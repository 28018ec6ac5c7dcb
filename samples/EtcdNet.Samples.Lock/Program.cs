// Distributed lock: three workers, each with its own session, take turns on one EtcdMutex and use the
// lock's fencing revision to guard their writes. Compatible with `etcdctl lock sample-lock`.
// Pass an endpoint (e.g. http://127.0.0.1:2379) to use your etcd; otherwise a local one-member cluster is started.
using EtcdNet;
using EtcdNet.Concurrency;
using EtcdNet.Testing;

await using var cluster = args.Length == 0 ? await EtcdCluster.StartAsync(1) : null;
var endpoints = cluster?.ClientUrls ?? args;
Console.WriteLine($"etcd endpoints: {string.Join(", ", endpoints)}");

await using var client = new EtcdClient(new EtcdClientOptions { Endpoints = endpoints });
await Task.WhenAll(Enumerable.Range(1, 3).Select(async worker =>
{
    await using var session = await EtcdSession.CreateAsync(client, TimeSpan.FromSeconds(10));
    var mutex = new EtcdMutex(session, "sample-lock");
    for (var round = 0; round < 2; round++)
    {
        await using var held = await mutex.LockAsync();
        Console.WriteLine($"worker {worker} holds {held.Key} (fencing revision {held.Revision})");

        // Only writes while we still hold the lock: guarded by the lock key's create revision.
        var write = await client.Txn()
            .If(Compare.CreateRevision(held.Key, CompareOp.Equal, held.Revision))
            .Then(Op.Put("sample-lock-owner", $"worker {worker}"))
            .CommitAsync(held.Lost);
        Console.WriteLine($"worker {worker} fenced write succeeded: {write.Succeeded}");
        await Task.Delay(200);
    }
}));
Console.WriteLine("done");
