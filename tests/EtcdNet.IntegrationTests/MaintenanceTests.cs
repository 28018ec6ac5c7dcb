using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using EtcdNet.IntegrationTests.Infrastructure;
using EtcdNet.Testing;

namespace EtcdNet.IntegrationTests;

/// <summary>The Maintenance API on a real 3-member cluster.</summary>
public sealed class MaintenanceTests(ITestOutputHelper output) : IAsyncLifetime
{
    private EtcdCluster _cluster = null!;
    private EtcdClient _client = null!;

    public async Task InitializeAsync()
    {
        _cluster = await EtcdCluster.StartAsync(3);
        _client = new EtcdClient(new EtcdClientOptions { Endpoints = _cluster.ClientUrls, DialTimeout = TimeSpan.FromSeconds(2) });
    }

    public async Task DisposeAsync()
    {
        await _client.DisposeAsync();
        output.WriteLine(_cluster.RecentLogs());
        await _cluster.DisposeAsync();
    }

    private async Task<ulong> MemberIdAsync(EtcdMember member)
        => (await _client.Cluster.MemberListAsync()).Members.Single(m => m.Name == member.Name).Id;

    [Fact]
    public async Task Status_ReportsEachMember()
    {
        var leader = await _cluster.GetLeaderAsync();
        var leaderId = await MemberIdAsync(leader);
        foreach (var member in _cluster.Members)
        {
            var status = await _client.Maintenance.StatusAsync(member.ClientUrl);
            Assert.Equal("3.4.23", status.Version);
            Assert.Equal(await MemberIdAsync(member), status.Header.MemberId);
            Assert.Equal(leaderId, status.Leader);
            Assert.True(status.DbSize > 0);
            Assert.InRange(status.DbSizeInUse, 1, status.DbSize);
            Assert.True(status.RaftTerm > 0);
            Assert.True(status.RaftIndex > 0);
            Assert.True(status.RaftAppliedIndex > 0);
            Assert.Empty(status.Errors);
            Assert.False(status.IsLearner);
        }
    }

    [Fact]
    public async Task Status_OfAnEndpointOutsideTheClientsList_Works_AndAnUnreachableOneIsUnavailable()
    {
        await using var client = new EtcdClient(_cluster.Members[0].ClientUrl);
        var status = await client.Maintenance.StatusAsync(_cluster.Members[2].ClientUrl);
        Assert.Equal(await MemberIdAsync(_cluster.Members[2]), status.Header.MemberId);

        await Assert.ThrowsAsync<EtcdUnavailableException>(() => client.Maintenance.StatusAsync("http://127.0.0.1:1"));
        await Assert.ThrowsAsync<ArgumentException>(() => client.Maintenance.StatusAsync("not a url"));
    }

    [Fact]
    public async Task Defragment_SucceedsOnEveryEndpoint()
    {
        for (var i = 0; i < 200; i++)
        {
            await _client.PutAsync($"defrag/{i % 10}", new string('x', 1000));
        }

        await _client.CompactAsync((await _client.GetAsync("defrag/0")).Header.Revision, physical: true);
        foreach (var url in _cluster.ClientUrls)
        {
            var before = await _client.Maintenance.StatusAsync(url);
            var response = await _client.Maintenance.DefragmentAsync(url);
            var after = await _client.Maintenance.StatusAsync(url);
            Assert.NotNull(response);
            Assert.True(after.DbSize <= before.DbSize, $"{url}: {before.DbSize} -> {after.DbSize}");
            output.WriteLine($"{url}: db {before.DbSize} -> {after.DbSize} bytes");
        }
    }

    [Fact]
    public async Task HashKv_IsEqualAcrossMembers_AtTheSameRevision()
    {
        long revision = 0;
        for (var i = 0; i < 20; i++)
        {
            revision = (await _client.PutAsync($"hash/{i}", $"v{i}")).Header.Revision;
        }

        var hashes = new List<HashKvResponse>();
        foreach (var url in _cluster.ClientUrls)
        {
            hashes.Add(await HashKvWhenAppliedAsync(url, revision));
        }

        Assert.Single(hashes.Select(h => h.Hash).Distinct());
        Assert.All(hashes, h => Assert.True(h.Header.Revision >= revision));
        Assert.NotEqual(0u, hashes[0].Hash);

        var later = (await _client.PutAsync("hash/later", "v")).Header.Revision;
        Assert.NotEqual(hashes[0].Hash, (await HashKvWhenAppliedAsync(_cluster.ClientUrls[0], later)).Hash);
        Assert.NotEqual(0u, (await _client.Maintenance.HashAsync(_cluster.ClientUrls[0])).Hash);
    }

    /// <summary>A follower may not have applied the revision yet: it then reports a future revision.</summary>
    private async Task<HashKvResponse> HashKvWhenAppliedAsync(string url, long revision)
    {
        HashKvResponse? hash = null;
        await Eventually.TrueAsync(async () =>
        {
            try
            {
                hash = await _client.Maintenance.HashKvAsync(url, revision);
                return true;
            }
            catch (EtcdFutureRevisionException)
            {
                return false;
            }
        });
        return hash!;
    }

    [Fact]
    public async Task Snapshot_StreamsIntoAFile_ThatEtcdctlReads()
    {
        for (var i = 0; i < 100; i++)
        {
            await _client.PutAsync($"snap/{i}", new string('s', 2000));
        }

        var revision = (await _client.GetAsync("snap/0")).Header.Revision;
        var path = Path.Combine(Path.GetTempPath(), $"etcdnet-snapshot-{Guid.NewGuid():N}.db");
        try
        {
            SnapshotResult snapshot;
            var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, useAsync: true);
            await using (file)
            {
                snapshot = await _client.Maintenance.SnapshotAsync(file);
            }

            output.WriteLine($"snapshot: {snapshot.BytesWritten} bytes from {snapshot.Endpoint}, header revision {snapshot.Header.Revision}");
            Assert.Equal(new FileInfo(path).Length, snapshot.BytesWritten);
            Assert.True(snapshot.BytesWritten > 200_000);

            var (exitCode, stdout, stderr) = await RunAsync("etcdctl", "snapshot", "status", path, "-w", "json");
            output.WriteLine(stdout + stderr);
            Assert.Equal(0, exitCode);
            using var json = JsonDocument.Parse(stdout);
            var snapshotRevision = json.RootElement.GetProperty("revision").GetInt64();
            Assert.True(snapshotRevision >= revision, $"snapshot revision {snapshotRevision} < {revision}");
            Assert.True(json.RootElement.GetProperty("totalKey").GetInt64() >= 100);
            if (snapshot.Header.Revision != 0)
            {
                Assert.True(snapshot.Header.Revision >= revision); // etcd 3.5+ sends a header
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task MoveLeader_ToAFollower_MakesItTheLeader()
    {
        var leader = await _cluster.GetLeaderAsync();
        var follower = _cluster.Members.First(m => m != leader);
        var followerId = await MemberIdAsync(follower);

        await _client.Maintenance.MoveLeaderAsync(followerId);

        await Eventually.TrueAsync(async () => (await _cluster.GetLeaderAsync()).Name == follower.Name, TimeSpan.FromSeconds(10));
        Assert.Equal(follower.Name, (await _client.Cluster.MemberLeaderAsync()).Name);
        await _client.PutAsync("after-move", "v"); // the cluster works under its new leader
    }

    [Fact]
    public async Task GetServerVersion_ReportsServerAndClusterVersion()
    {
        var version = await _client.Maintenance.GetServerVersionAsync();
        Assert.Equal("3.4.23", version.ServerVersion);
        Assert.Equal("3.4.0", version.ClusterVersion);
        Assert.Contains(version.Endpoint, _cluster.ClientUrls);
    }

    [Fact]
    public async Task AlarmList_IsEmpty_OnAHealthyCluster()
    {
        var alarms = await _client.Maintenance.AlarmListAsync();
        Assert.Empty(alarms.Alarms);
        Assert.Empty((await _client.Maintenance.AlarmDisarmAllAsync()).Alarms);
    }

    internal static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string file, params string[] arguments)
    {
        var startInfo = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        startInfo.Environment["ETCDCTL_API"] = "3";
        using var process = Process.Start(startInfo)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        return (process.ExitCode, await stdout, await stderr);
    }
}
