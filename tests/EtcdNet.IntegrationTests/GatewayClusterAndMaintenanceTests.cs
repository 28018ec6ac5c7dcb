using EtcdNet.IntegrationTests.Infrastructure;

namespace EtcdNet.IntegrationTests;

/// <summary>The cluster and maintenance calls etcd's JSON gateway serves, through it, against the same calls over gRPC.</summary>
[Collection(SingleMemberCollection.Name)]
public sealed class GatewayClusterAndMaintenanceTests(SingleMemberFixture fixture, ITestOutputHelper output) : EtcdTest(fixture, output)
{
    protected override EtcdProtocol ClientProtocol => EtcdProtocol.JsonGateway;

    [Fact]
    public async Task Members_status_hash_alarms_and_version_match_what_grpc_reports()
    {
        await using var grpc = Fixture.CreateClient();
        var endpoint = Cluster.ClientUrls[0];

        var members = await Client.Cluster.MemberListAsync();
        Assert.Equal((await grpc.Cluster.MemberListAsync()).Members.Select(m => (m.Id, m.Name)), members.Members.Select(m => (m.Id, m.Name)));

        var status = await Client.Maintenance.StatusAsync(endpoint);
        var grpcStatus = await grpc.Maintenance.StatusAsync(endpoint);
        Assert.Equal(grpcStatus.Version, status.Version);
        Assert.Equal(grpcStatus.Leader, status.Leader);

        await Client.PutAsync(Key("k"), "v");
        // Other tests' leases may expire (a write) between the two reads: the hashes agree on some back-to-back pair.
        var hashes = new List<(uint Gateway, uint Grpc)>();
        for (var i = 0; i < 5 && (hashes.Count == 0 || hashes[^1].Gateway != hashes[^1].Grpc); i++)
        {
            hashes.Add(((await Client.Maintenance.HashAsync(endpoint)).Hash, (await grpc.Maintenance.HashAsync(endpoint)).Hash));
        }

        Assert.True(hashes[^1].Gateway == hashes[^1].Grpc, $"gateway and gRPC hashes differ: {string.Join(", ", hashes)}");
        Assert.Empty((await Client.Maintenance.AlarmListAsync()).Alarms);
        Assert.Equal(grpcStatus.Version, (await Client.Maintenance.GetServerVersionAsync()).ServerVersion);
        await Client.Maintenance.DefragmentAsync(endpoint);
    }

    [Fact]
    public async Task A_snapshot_streams_through_the_gateway_as_over_grpc()
    {
        await Client.PutAsync(Key("snap"), "v");
        using var viaGateway = new MemoryStream();

        var result = await Client.Maintenance.SnapshotAsync(viaGateway);

        Assert.True(result.BytesWritten > 0);
        Assert.Equal(result.BytesWritten, viaGateway.Length);
        Output.WriteLine($"snapshot of {result.BytesWritten} bytes through the gateway");
    }
}
