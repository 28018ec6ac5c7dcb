using EtcdNet.IntegrationTests.Infrastructure;
using EtcdNet.Testing;

namespace EtcdNet.IntegrationTests;

/// <summary>Authentication on real etcd: users, roles, permissions, tokens that expire, and secrets that never leak.</summary>
public class AuthTests(ITestOutputHelper output) : IAsyncLifetime
{
    /// <summary>How the clients of these tests talk to etcd (a derived class runs the same tests over the other protocol).</summary>
    protected virtual EtcdProtocol ClientProtocol => EtcdProtocol.Grpc;

    private const string RootPassword = "root-secret-5e2b";
    private const string AlicePassword = "alice-secret-9f1c";
    private EtcdCluster _cluster = null!;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            output.WriteLine(_cluster.RecentLogs());
            await _cluster.DisposeAsync();
        }
    }

    /// <summary>Starts a member, creates root and a reader role/user "alice" (read-only on ro/), and enables auth.</summary>
    private async Task StartWithAuthAsync(params string[] flags)
    {
        _cluster = await EtcdCluster.StartAsync(new EtcdClusterOptions { ExtraArguments = flags });
        await using var admin = new EtcdClient(new EtcdClientOptions { Endpoints = _cluster.ClientUrls, Protocol = ClientProtocol });
        await admin.PutAsync("ro/existing", "v");
        await admin.Auth.RoleAddAsync("root");
        await admin.Auth.UserAddAsync("root", RootPassword);
        await admin.Auth.UserGrantRoleAsync("root", "root");
        await admin.Auth.RoleAddAsync("reader");
        await admin.Auth.RoleGrantPermissionAsync("reader", PermissionType.Read, "ro/", PermissionRange.ForPrefix);
        await admin.Auth.UserAddAsync("alice", AlicePassword);
        await admin.Auth.UserGrantRoleAsync("alice", "reader");
        await admin.Auth.AuthEnableAsync();
    }

    private EtcdClient ClientAs(string user, string password) => new(new EtcdClientOptions { Endpoints = _cluster.ClientUrls, Username = user, Password = password, Protocol = ClientProtocol });

    [Fact]
    public async Task AClientWithCredentials_KeepsWorking_WhileAuthIsDisabledAndEnabledAgain()
    {
        await StartWithAuthAsync();
        await using var root = ClientAs("root", RootPassword);
        await using var alice = ClientAs("alice", AlicePassword);
        await using var watch = await WatchRecorder.StartAsync(alice.Watch, "ro/", new WatchOptions { Prefix = true });
        await root.PutAsync("ro/a", "1");

        // Disabling auth drops every token: etcd then refuses the old one, and authenticating says auth is off.
        await root.Auth.AuthDisableAsync();
        await root.PutAsync("ro/b", "2");
        Assert.Equal("1", (await alice.GetAsync("ro/a")).Kvs.Single().ValueString);

        // Enabled again: a call without a token is refused for it and the client logs in anew.
        await using var admin = new EtcdClient(new EtcdClientOptions { Endpoints = _cluster.ClientUrls, Protocol = ClientProtocol });
        await admin.Auth.AuthEnableAsync();
        var last = await root.PutAsync("ro/c", "3");
        Assert.Equal("3", (await alice.GetAsync("ro/c")).Kvs.Single().ValueString);
        await Assert.ThrowsAsync<EtcdPermissionDeniedException>(() => alice.PutAsync("ro/d", "x"));

        var seen = (await watch.EventsAsync(3)).Select(e => e.Kv.KeyString).ToList();
        Assert.Equal(["ro/a", "ro/b", "ro/c"], seen);
        Assert.Equal(last.Header.Revision, (await alice.GetAsync("ro/c")).Kvs.Single().ModRevision);
    }

    [Fact]
    public async Task AMaintenanceCall_WithAnExpiredToken_LogsInAgain()
    {
        await StartWithAuthAsync("--auth-token-ttl=1");
        await using var root = ClientAs("root", RootPassword);
        await root.PutAsync("ro/t", "v"); // the client now holds a token
        var mark = _cluster.LogMark;

        // etcd forgets a simple token a second after its last use; its log says when.
        await Eventually.TrueAsync(() => Task.FromResult(_cluster.LogsSince(mark).Contains("deleted a simple token", StringComparison.Ordinal)), TimeSpan.FromSeconds(10));

        // Maintenance calls check the token themselves and answer "auth: invalid auth token"; the client must see a stale token in it.
        await root.Maintenance.DefragmentAsync(_cluster.ClientUrls[0]);
    }

    [Fact]
    public async Task CompactedRead_WithCredentials_StillReportsTheCompactRevision()
    {
        await StartWithAuthAsync();
        await using var root = ClientAs("root", RootPassword);
        var old = await root.PutAsync("c", "1");
        var latest = await root.PutAsync("c", "2");
        await root.CompactAsync(latest.Header.Revision);

        var error = await Assert.ThrowsAsync<EtcdCompactedException>(() => root.GetAsync("c", new GetOptions { Revision = old.Header.Revision }));

        Assert.Equal(latest.Header.Revision, error.CompactRevision); // learnt on a watch that carries the client's token

        // A user who may read only ro/ learns it too: the probe watches the key the read asked for.
        var before = await root.PutAsync("ro/existing", "v2");
        var after = await root.PutAsync("ro/existing", "v3");
        await root.CompactAsync(after.Header.Revision);
        await using var alice = ClientAs("alice", AlicePassword);
        var restricted = await Assert.ThrowsAsync<EtcdCompactedException>(() => alice.GetAsync("ro/existing", new GetOptions { Revision = before.Header.Revision }));
        Assert.Equal(after.Header.Revision, restricted.CompactRevision);
    }

    [Fact]
    public async Task ReadOnlyUser_CanRead_ButGetsPermissionDeniedOnWrite()
    {
        await StartWithAuthAsync();
        await using var alice = ClientAs("alice", AlicePassword);

        Assert.Equal("v", (await alice.GetAsync("ro/existing")).Kvs[0].ValueString);
        var denied = await Assert.ThrowsAsync<EtcdPermissionDeniedException>(() => alice.PutAsync("ro/existing", "changed"));
        await Assert.ThrowsAsync<EtcdPermissionDeniedException>(() => alice.GetAsync("other/key"));

        Assert.Equal(GrpcStatusCode.PermissionDenied, denied.StatusCode);
        await using var root = ClientAs("root", RootPassword);
        Assert.Equal("v", (await root.GetAsync("ro/existing")).Kvs[0].ValueString);
    }

    [Fact]
    public async Task WrongPassword_GivesAuthFailed_AndNoCredentialsGiveUserEmpty()
    {
        await StartWithAuthAsync();
        await using var wrong = ClientAs("alice", "not-the-password");
        await using var anonymous = new EtcdClient(new EtcdClientOptions { Endpoints = _cluster.ClientUrls, Protocol = ClientProtocol });

        var error = await Assert.ThrowsAsync<EtcdAuthFailedException>(() => wrong.GetAsync("ro/existing"));
        await Assert.ThrowsAsync<EtcdUserEmptyException>(() => anonymous.GetAsync("ro/existing"));

        Assert.DoesNotContain("not-the-password", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExpiringTokens_ClientAndOpenWatchKeepWorking_WithoutLosingAnEvent()
    {
        await StartWithAuthAsync("--auth-token-ttl=2");
        await using var root = ClientAs("root", RootPassword);
        await using var watch = await WatchRecorder.StartAsync(root, "tok/", new WatchOptions { Prefix = true });
        var written = new List<long>();

        // Idle longer than the token TTL between writes, for 10 s: every write needs a fresh token.
        var until = DateTime.UtcNow.AddSeconds(10);
        for (var i = 0; DateTime.UtcNow < until; i++)
        {
            written.Add((await root.PutAsync($"tok/{i}", "v")).Header.Revision);
            await Task.Delay(TimeSpan.FromSeconds(2.5));
        }

        // A watch created now needs the stream's token, which has expired: the stream is reopened.
        await using var late = await WatchRecorder.StartAsync(root, "tok/", new WatchOptions { Prefix = true, StartRevision = written[0] });
        var seen = (await watch.EventsAsync(written.Count)).Select(e => e.Kv.ModRevision);
        var replayed = (await late.EventsAsync(written.Count)).Select(e => e.Kv.ModRevision);

        Assert.True(written.Count >= 4);
        Assert.Equal(written, seen);
        Assert.Equal(written, replayed);
    }

    [Fact]
    public async Task UsersRolesAndPermissions_CanBeManaged()
    {
        await StartWithAuthAsync();
        await using var root = ClientAs("root", RootPassword);

        await root.Auth.RoleAddAsync("writer");
        await root.Auth.RoleGrantPermissionAsync("writer", PermissionType.ReadWrite, "w/a", new PermissionRange { RangeEnd = "w/m" });
        await root.Auth.RoleGrantPermissionAsync("writer", PermissionType.Write, "single");
        await root.Auth.UserAddAsync("bob", "bob-pw");
        await root.Auth.UserGrantRoleAsync("bob", "writer");

        Assert.Contains("bob", await root.Auth.UserListAsync());
        Assert.Contains("writer", await root.Auth.RoleListAsync());
        Assert.Equal(["writer"], await root.Auth.UserGetAsync("bob"));
        var permissions = await root.Auth.RoleGetAsync("writer");
        Assert.Contains(permissions, p => p.Type == PermissionType.ReadWrite && p.KeyString == "w/a" && p.RangeEndString == "w/m");
        Assert.Contains(permissions, p => p.Type == PermissionType.Write && p.KeyString == "single" && p.RangeEnd.IsEmpty);

        await using (var bob = ClientAs("bob", "bob-pw"))
        {
            await bob.PutAsync("w/b", "ok");
            await Assert.ThrowsAsync<EtcdPermissionDeniedException>(() => bob.PutAsync("w/z", "outside"));
        }

        await root.Auth.UserChangePasswordAsync("bob", "bob-pw-2");
        await using (var stale = ClientAs("bob", "bob-pw"))
        {
            await Assert.ThrowsAsync<EtcdAuthFailedException>(() => stale.GetAsync("w/b"));
        }

        await root.Auth.RoleRevokePermissionAsync("writer", "w/a", new PermissionRange { RangeEnd = "w/m" });
        await using (var bob = ClientAs("bob", "bob-pw-2"))
        {
            await Assert.ThrowsAsync<EtcdPermissionDeniedException>(() => bob.PutAsync("w/b", "no longer"));
        }

        await root.Auth.UserRevokeRoleAsync("bob", "writer");
        Assert.Empty(await root.Auth.UserGetAsync("bob"));
        await root.Auth.UserDeleteAsync("bob");
        await root.Auth.RoleDeleteAsync("writer");
        Assert.DoesNotContain("bob", await root.Auth.UserListAsync());
        await Assert.ThrowsAsync<EtcdUserNotFoundException>(() => root.Auth.UserGetAsync("bob"));

        await root.Auth.AuthDisableAsync();
        await using var anonymous = new EtcdClient(new EtcdClientOptions { Endpoints = _cluster.ClientUrls, Protocol = ClientProtocol });
        Assert.Equal("ok", (await anonymous.GetAsync("w/b")).Kvs[0].ValueString);
    }

    [Fact]
    public async Task PasswordAndToken_NeverAppearInOptionsOrMessages()
    {
        await StartWithAuthAsync();
        var options = new EtcdClientOptions { Endpoints = _cluster.ClientUrls, Username = "alice", Password = AlicePassword, Protocol = ClientProtocol };
        await using var alice = new EtcdClient(options);
        var token = await alice.Auth.AuthenticateAsync("alice", AlicePassword);
        var messages = new List<string> { options.ToString(), alice.Options.ToString() };

        messages.Add((await Assert.ThrowsAsync<EtcdPermissionDeniedException>(() => alice.PutAsync("ro/x", "v"))).ToString());
        await using (var wrong = ClientAs("alice", AlicePassword + "x"))
        {
            messages.Add((await Assert.ThrowsAsync<EtcdAuthFailedException>(() => wrong.GetAsync("ro/x"))).ToString());
        }

        Assert.NotEmpty(token);
        Assert.Contains("alice", options.ToString(), StringComparison.Ordinal);
        Assert.All(messages, m => Assert.DoesNotContain(AlicePassword, m, StringComparison.Ordinal));
        Assert.All(messages, m => Assert.DoesNotContain(token, m, StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheToken_NeverReachesAPeerThatHasNotAnsweredAsEtcd()
    {
        await StartWithAuthAsync();
        var paths = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var tokens = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var (port, server) = await NotEtcdServers.StartHttp2Async(200, paths, tokens);
        await using (server)
        {
            await using var alice = new EtcdClient(new EtcdClientOptions
            {
                Endpoints = [$"http://127.0.0.1:{port}", _cluster.ClientUrls[0]],
                Username = "alice",
                Password = AlicePassword,
            });

            for (var i = 0; i < 6; i++)
            {
                Assert.Equal("v", (await alice.GetAsync("ro/existing")).Kvs[0].ValueString);
            }

            Assert.NotEmpty(paths); // round robin did try the impostor
            Assert.Empty(tokens);   // but only with the tokenless check
        }
    }
}
