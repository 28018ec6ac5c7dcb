using EtcdNet.Testing;

namespace EtcdNet.IntegrationTests;

/// <summary>Running out of backend quota, and recovering: compact, defragment, disarm.</summary>
public sealed class MaintenanceNoSpaceTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const long Quota = 16 * 1024 * 1024;
    private EtcdCluster _cluster = null!;

    public async Task InitializeAsync()
        => _cluster = await EtcdCluster.StartAsync(new EtcdClusterOptions { ExtraArguments = [$"--quota-backend-bytes={Quota}"] });

    public async Task DisposeAsync()
    {
        output.WriteLine(_cluster.RecentLogs());
        await _cluster.DisposeAsync();
    }

    [Fact]
    public async Task NoSpace_RaisesTheAlarm_AndCompactDefragmentDisarm_RestoreWrites()
    {
        await using var client = new EtcdClient(_cluster.ClientUrls.ToArray());
        var url = _cluster.ClientUrls[0];
        var value = new byte[1024 * 1024];
        Random.Shared.NextBytes(value); // incompressible

        EtcdNoSpaceException? full = null;
        var puts = 0;
        for (; puts < 100 && full is null; puts++)
        {
            try
            {
                await client.PutAsync("big", value); // the same key: compaction can free the old versions
            }
            catch (EtcdNoSpaceException e)
            {
                full = e;
            }
        }

        Assert.NotNull(full);
        output.WriteLine($"NOSPACE after {puts} puts of 1 MiB: {full.Message}");
        Assert.False(full.IsTransient);

        var alarms = await client.Maintenance.AlarmListAsync();
        var alarm = Assert.Single(alarms.Alarms);
        Assert.Equal(AlarmType.NoSpace, alarm.Alarm);
        var status = await client.Maintenance.StatusAsync(url);
        Assert.Equal(status.Header.MemberId, alarm.MemberId);
        Assert.Contains(status.Errors, e => e.Contains("NOSPACE", StringComparison.Ordinal));
        await Assert.ThrowsAsync<EtcdNoSpaceException>(() => client.PutAsync("small", "v"));

        // Free the space: compact away the old versions, give the space back, then disarm.
        var revision = (await client.GetAsync("big", new GetOptions { KeysOnly = true })).Header.Revision;
        await client.CompactAsync(revision, physical: true);
        await client.Maintenance.DefragmentAsync(url);
        var defragmented = await client.Maintenance.StatusAsync(url);
        output.WriteLine($"db size {status.DbSize} -> {defragmented.DbSize} bytes");
        Assert.True(defragmented.DbSize < status.DbSize);

        var disarmed = await client.Maintenance.AlarmDisarmAsync(alarm.MemberId, AlarmType.NoSpace);
        Assert.Equal([alarm], disarmed.Alarms);
        Assert.Empty((await client.Maintenance.AlarmListAsync()).Alarms);

        await client.PutAsync("small", "v");
        await client.PutAsync("big", value);
        Assert.Equal("v", (await client.GetAsync("small")).Kvs.Single().ValueString);
    }
}
