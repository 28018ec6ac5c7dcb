using EtcdNet.Testing;
using static EtcdNet.IntegrationTests.ElectionTestSupport;

namespace EtcdNet.IntegrationTests;

/// <summary>Locks and elections on a cluster with authentication: the token rides on every call and on the Observe stream; refusals are typed.</summary>
public sealed class ElectionAuthTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string RootPassword = "root-secret-71d3";
    private const string BobPassword = "bob-secret-0c4e";
    private EtcdCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        _cluster = await EtcdCluster.StartAsync(1);
        await using var admin = new EtcdClient(_cluster.ClientUrls.ToArray());
        await admin.Auth.RoleAddAsync("root");
        await admin.Auth.UserAddAsync("root", RootPassword);
        await admin.Auth.UserGrantRoleAsync("root", "root");
        await admin.Auth.RoleAddAsync("reader");
        await admin.Auth.RoleGrantPermissionAsync("reader", PermissionType.Read, "ro/", PermissionRange.ForPrefix);
        await admin.Auth.UserAddAsync("bob", BobPassword);
        await admin.Auth.UserGrantRoleAsync("bob", "reader");
        await admin.Auth.AuthEnableAsync();
    }

    public async Task DisposeAsync()
    {
        output.WriteLine(_cluster.RecentLogs());
        await _cluster.DisposeAsync();
    }

    private EtcdClient ClientAs(string? user, string? password) => new(new EtcdClientOptions { Endpoints = _cluster.ClientUrls, Username = user, Password = password });

    [Fact]
    public async Task AnAuthenticatedClient_Locks_Campaigns_AndObserves()
    {
        await using var root = ClientAs("root", RootPassword);
        var lease = (await root.Lease.GrantAsync(TimeSpan.FromSeconds(60))).Id;
        var held = await root.Lock.LockAsync("locks/auth", lease);
        await root.Lock.UnlockAsync(held.Key);

        var leader = await root.Election.CampaignAsync("elections/auth", lease, "v0");
        await using var observer = new ObserveRecorder(root, "elections/auth");
        await observer.WaitForCountAsync(1); // the stream is open: it starts with the current value
        await root.Election.ProclaimAsync(leader, "v1");
        await observer.WaitForCountAsync(2);
        Assert.Equal(["v0", "v1"], observer.Values);
        await root.Election.ResignAsync(leader);
    }

    [Fact]
    public async Task ObservingWithoutPermissionOrCredentials_EndsWithTheTypedRefusal()
    {
        await using var bob = ClientAs("bob", BobPassword); // may read ro/ only
        await using var anonymous = ClientAs(null, null);

        await Assert.ThrowsAsync<EtcdPermissionDeniedException>(() => FirstAsync(bob.Election.ObserveAsync("elections/private")));
        await Assert.ThrowsAsync<EtcdUserEmptyException>(() => FirstAsync(anonymous.Election.ObserveAsync("elections/private")));
        await Assert.ThrowsAsync<EtcdPermissionDeniedException>(() => bob.Lock.LockAsync("locks/private", 1234));
    }

    private static async Task<LeaderResponse> FirstAsync(IAsyncEnumerable<LeaderResponse> observation)
    {
        await using var e = observation.GetAsyncEnumerator();
        Assert.True(await e.MoveNextAsync().AsTask().WaitAsync(Wait));
        return e.Current;
    }
}
