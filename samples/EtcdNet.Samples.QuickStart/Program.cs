// Quick start: starts a local 3-member etcd cluster (real etcd processes on loopback ports),
// runs the classic etcd client examples against it with EtcdNet, then survives losing a member.
// Pass an endpoint (e.g. http://127.0.0.1:2379) to use an etcd you already run instead.
using EtcdNet;
using EtcdNet.Testing;

await using var cluster = args.Length == 0 ? await EtcdCluster.StartAsync(3) : null;
var endpoints = cluster?.ClientUrls ?? args;
Console.WriteLine($"etcd endpoints: {string.Join(", ", endpoints)}");

await using var client = new EtcdClient(new EtcdClientOptions
{
    Endpoints = endpoints,
    DialTimeout = TimeSpan.FromSeconds(5),
    RequestTimeout = TimeSpan.FromSeconds(10),
});

// Put: on a fresh cluster the first write is revision 2 (revisions start at 1).
var put = await client.PutAsync("sample_key", "sample_value");
Console.WriteLine($"current revision: {put.Header.Revision}");

// Get with a prefix, sorted by key, descending.
for (var i = 0; i < 3; i++)
{
    await client.PutAsync($"key_{i}", "value");
}

var sorted = await client.GetAsync("key", new GetOptions { Prefix = true, SortTarget = SortTarget.Key, SortOrder = SortOrder.Descend });
foreach (var kv in sorted.Kvs)
{
    Console.WriteLine($"{kv.KeyString} : {kv.ValueString}");
}

// Txn: value comparisons are lexical; 'xyz' > 'abc', so Then runs.
await client.PutAsync("key", "xyz");
await client.Txn()
    .If(Compare.Value("key", CompareOp.Greater, "abc"))
    .Then(Op.Put("key", "XYZ"))
    .Else(Op.Put("key", "ABC"))
    .CommitAsync();
Console.WriteLine((await client.GetAsync("key")).Kvs[0]);

// Do: operations built now, run later.
foreach (var op in new[] { Op.Put("put-key", "123"), Op.Get("put-key"), Op.Put("put-key", "456") })
{
    var result = await client.DoAsync(op);
    Console.WriteLine($"do {result.Kind}: revision {result.Header.Revision}");
}

// Delete with a prefix.
var deleted = await client.DeleteAsync("key", new DeleteOptions { Prefix = true });
Console.WriteLine($"Deleted {deleted.Deleted} keys");

// Compact, then read the past: a typed error that says where history now starts.
var compactRevision = (await client.GetAsync("sample_key")).Header.Revision;
await client.CompactAsync(compactRevision);
try
{
    await client.GetAsync("sample_key", new GetOptions { Revision = put.Header.Revision - 1 });
}
catch (EtcdCompactedException e)
{
    Console.WriteLine($"compacted: history starts at revision {e.CompactRevision}");
}

// Errors are typed: an empty key is refused by etcd.
try
{
    await client.PutAsync("", "");
}
catch (EtcdEmptyKeyException e)
{
    Console.WriteLine($"client-side error: {e.Message}");
}

// Losing a member: reads and writes go on through the others.
if (cluster is not null)
{
    var leader = await cluster.GetLeaderAsync();
    await leader.KillAsync();
    Console.WriteLine($"killed the leader ({leader.Name}); reading on: {(await client.GetAsync("put-key")).Kvs[0]}");
    await cluster.WaitForLeaderAsync();
    Console.WriteLine($"and writing on: revision {(await client.PutAsync("after-failover", "ok")).Header.Revision}");
}
