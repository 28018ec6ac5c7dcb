using EtcdNet.Discovery.Tests.Infrastructure;

namespace EtcdNet.Discovery.Tests;

/// <summary>An endpoint kept registered through its lease, against a real single-member etcd.</summary>
public sealed class EndpointRegistrationTests(ITestOutputHelper output) : ClusterTestBase(output)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Register_AttachesTheKeyToALease_AndDisposeDeletesItAndRevokesTheLease()
    {
        await using var client = CreateClient();
        var manager = new EndpointManager(client, UniqueService());
        var registration = await manager.RegisterAsync(manager.KeyOf("a"), new ServiceEndpoint("10.0.0.1:80"), TimeSpan.FromSeconds(5));

        var kv = (await client.GetAsync(registration.Key)).Kvs.Single();
        Assert.Equal(registration.LeaseId, kv.Lease);
        Assert.Equal(1, registration.Registrations);
        var ttl = await client.Lease.TimeToLiveAsync(registration.LeaseId);
        Assert.Equal(TimeSpan.FromSeconds(5), ttl.GrantedTtl);

        await registration.DisposeAsync();
        Assert.Empty((await client.GetAsync(registration.Key)).Kvs);
        Assert.DoesNotContain(registration.LeaseId, (await client.Lease.LeasesAsync()).Leases);
    }

    [Fact]
    public async Task LeaseRevokedBySomeoneElse_TheEndpointIsRegisteredAgainUnderANewLease()
    {
        await using var client = CreateClient();
        var manager = new EndpointManager(client, UniqueService());
        await using var registration = await manager.RegisterAsync(manager.KeyOf("a"), new ServiceEndpoint("10.0.0.1:80"), TimeSpan.FromSeconds(5));
        var firstLease = registration.LeaseId;
        await using var watch = manager.WatchAsync().GetAsyncEnumerator();
        Assert.True(await watch.MoveNextAsync().AsTask().WaitAsync(Wait));
        Assert.Single(watch.Current);

        await using (var other = CreateClient())
        {
            await other.Lease.RevokeAsync(firstLease);
        }

        // The deletion and the new registration may come in one batch or in two.
        var seen = new List<EndpointUpdate>();
        while (seen.Count < 2)
        {
            Assert.True(await watch.MoveNextAsync().AsTask().WaitAsync(Wait));
            seen.AddRange(watch.Current);
        }

        Assert.Equal([EndpointUpdateKind.Deleted, EndpointUpdateKind.Added], seen.Select(u => u.Kind));

        // The handle records the new lease just after etcd stored the key, so the watch may be a moment earlier.
        var deadline = DateTime.UtcNow + Wait;
        while (registration.Registrations < 2 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }

        Assert.Equal(2, registration.Registrations);
        Assert.NotEqual(firstLease, registration.LeaseId);
        Assert.Equal(registration.LeaseId, (await client.GetAsync(registration.Key)).Kvs.Single().Lease);
    }
}
