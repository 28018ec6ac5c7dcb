using EtcdNet.Resilience;

namespace EtcdNet.UnitTests.Resilience;

/// <summary>The endpoint check runs through the call loop, addressed to one endpoint, on the client's clock.</summary>
public class EndpointProbeTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(10);

    private static EndpointProbe Probe(ScriptedInvoker scripted) => new(TimeSpan.FromSeconds(3)) { Invoker = scripted.Invoker };

    [Fact]
    public async Task A_member_that_answers_and_knows_a_leader_passes_and_rejoins_the_rotation()
    {
        using var scripted = new ScriptedInvoker();
        scripted.Pool.ReportFailure(1);

        await Probe(scripted).CheckAsync(scripted.Endpoints[1], CancellationToken.None).WaitAsync(Guard);

        Assert.False(scripted.Pool.IsSetAside(1));
        Assert.Equal("3.4.23", scripted.Endpoints[1].ServerVersion);
        Assert.Equal(["status@http://e1:2379"], scripted.Transport.Calls); // that endpoint only
    }

    [Fact]
    public async Task A_member_without_a_leader_fails_the_check()
    {
        using var scripted = new ScriptedInvoker();
        scripted.Transport.StatusLeader = 0;
        scripted.Pool.ReportFailure(2);

        await Assert.ThrowsAsync<EtcdNoLeaderException>(() => Probe(scripted).CheckAsync(scripted.Endpoints[2], CancellationToken.None).WaitAsync(Guard));
        Assert.True(scripted.Pool.IsSetAside(2)); // an answer without a leader does not count as the member answering
    }

    [Fact]
    public async Task An_endpoint_that_refuses_fails_the_check_without_trying_another()
    {
        using var scripted = new ScriptedInvoker();
        scripted.Transport.StatusFailure = Failures.Of(FailureKind.Refused);

        await Assert.ThrowsAsync<EtcdUnavailableException>(() => Probe(scripted).CheckAsync(scripted.Endpoints[0], CancellationToken.None).WaitAsync(Guard));
        Assert.Single(scripted.Transport.Calls);
    }

    [Fact]
    public async Task An_error_answer_still_proves_an_etcd_member()
    {
        using var scripted = new ScriptedInvoker();
        scripted.Transport.StatusFailure = Failures.Of(FailureKind.ServerError);

        await Probe(scripted).CheckAsync(scripted.Endpoints[0], CancellationToken.None).WaitAsync(Guard);
    }
}
