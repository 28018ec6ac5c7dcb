using EtcdNet.Maintenance;
using EtcdNet.Resilience;

namespace EtcdNet.UnitTests.Resilience;

/// <summary>The HTTP version probe goes through the client's call loop: same endpoint choice and failure table as a read.</summary>
public class VersionProbeTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_refused_endpoint_is_skipped_like_for_any_read()
    {
        using var scripted = new ScriptedInvoker();
        scripted.Transport
            .ThenGet(0, "", Failures.Of(FailureKind.Refused, endpoint: "http://e0:2379"))
            .ThenGet(200, """{"etcdserver":"3.4.23","etcdcluster":"3.4.0"}""");

        var version = await VersionProbe.GetAsync(scripted.Invoker, CancellationToken.None).WaitAsync(Guard);

        Assert.Equal(("3.4.23", "3.4.0", "http://e1:2379"), (version.ServerVersion, version.ClusterVersion, version.Endpoint));
        Assert.Equal(["GET /version@http://e0:2379", "GET /version@http://e1:2379"], scripted.Transport.Calls);
        Assert.True(scripted.Pool.IsSetAside(0));
    }

    [Theory]
    [InlineData(404, "not found")]
    [InlineData(200, "not json")]
    [InlineData(200, """{"other":1}""")]
    public async Task A_member_without_the_version_document_falls_back_to_Status(int status, string body)
    {
        using var scripted = new ScriptedInvoker();
        scripted.Transport.ThenGet(status, body);

        var version = await VersionProbe.GetAsync(scripted.Invoker, CancellationToken.None).WaitAsync(Guard);

        Assert.Equal("3.4.23", version.ServerVersion);
        Assert.Null(version.ClusterVersion);
        Assert.Equal(2, scripted.Transport.Calls.Count); // the GET, then one Status
    }
}
