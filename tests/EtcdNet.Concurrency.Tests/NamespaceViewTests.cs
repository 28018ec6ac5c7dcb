using EtcdNet.Concurrency.Tests.Infrastructure;

namespace EtcdNet.Concurrency.Tests;

/// <summary>Sessions, mutexes, elections and recipes built on a namespace view keep every key they write under its prefix.</summary>
public sealed class NamespaceViewTests(ITestOutputHelper output) : ClusterTestBase(output)
{
    [Fact]
    public async Task Session_mutex_election_and_queue_on_a_view_keep_all_their_keys_under_its_prefix()
    {
        await using var client = CreateClient();
        var root = "/ns-" + Guid.NewGuid().ToString("N")[..8] + "/";
        var app = client.WithNamespace(root + "app/");
        var before = (await client.GetAsync(EtcdBytes.Empty, new GetOptions { Prefix = true, KeysOnly = true })).Kvs.Select(k => k.KeyString).ToHashSet();

        await using var session = await EtcdSession.CreateAsync(app, TimeSpan.FromSeconds(10));
        var mutex = new EtcdMutex(session, "locks/job");
        await using (var held = await mutex.LockAsync())
        {
            Assert.StartsWith("locks/job/", held.Key, StringComparison.Ordinal); // seen from inside the view: no prefix
            Assert.Single((await client.GetAsync(root + "app/locks/job/", new GetOptions { Prefix = true })).Kvs);
        }

        var election = new EtcdElection(session, "elections/leader");
        await election.CampaignAsync("me");
        Assert.Equal("me", (await election.LeaderAsync()).ValueString);
        Assert.StartsWith("elections/leader/", election.LeaderKey, StringComparison.Ordinal);
        await election.ProclaimAsync("still me");
        Assert.Equal("still me", (await client.GetAsync(root + "app/" + election.LeaderKey)).Kvs.Single().ValueString);

        var queue = new EtcdQueue(app, "queue");
        await queue.EnqueueAsync("job-1");
        Assert.Equal("job-1", await queue.DequeueAsync());

        var written = (await client.GetAsync(EtcdBytes.Empty, new GetOptions { Prefix = true, KeysOnly = true })).Kvs.Select(k => k.KeyString).Where(k => !before.Contains(k)).ToList();
        Assert.NotEmpty(written); // the election's key is still there
        Assert.All(written, key => Assert.StartsWith(root + "app/", key, StringComparison.Ordinal));
        await election.ResignAsync();
    }
}
