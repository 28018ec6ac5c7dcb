using EtcdNet.Resilience;

namespace EtcdNet.UnitTests.Resilience;

/// <summary>
/// The stream column of the failure table, through the one component that watch, lease keep-alive and election
/// observation streams share: the same failure gets the same answer in each of them.
/// </summary>
public class StreamRecoveryTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(10);

    public static TheoryData<string> Kinds => [.. Enum.GetValues<FailureKind>().Where(k => k != FailureKind.CancelledByCaller).Select(k => k.ToString())];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_stream_failure_does_what_the_table_says(string kindName)
    {
        var kind = Enum.Parse<FailureKind>(kindName);
        using var scripted = new ScriptedInvoker();
        var recovery = new StreamRecovery(scripted.Invoker);
        var rule = FailurePolicy.Rule(CallKind.Stream, kind, requestSent: true);

        var verdict = recovery.OnFailure(Failures.Of(kind), endpointIndex: 0, metadata: null);

        Assert.Equal(kind, verdict.Kind);
        Assert.Equal(rule.Action, verdict.Action);
        Assert.Equal(rule.SetAside, scripted.Pool.IsSetAside(0));
        Assert.IsAssignableFrom<Exception>(verdict.Error);
        Assert.IsNotType<Transport.GrpcCallException>(verdict.Error); // owners get the public error
    }

    [Fact]
    public void A_cancellation_from_below_is_a_broken_stream_not_the_end()
    {
        using var scripted = new ScriptedInvoker();
        var verdict = new StreamRecovery(scripted.Invoker).OnFailure(new OperationCanceledException(), 1, null);

        Assert.Equal(FailureKind.Reset, verdict.Kind);
        Assert.False(verdict.Fails);
        Assert.True(scripted.Pool.IsSetAside(1));
    }

    [Fact]
    public void Wrong_credentials_before_the_stream_opens_end_it()
    {
        using var scripted = new ScriptedInvoker();
        var verdict = new StreamRecovery(scripted.Invoker).OnFailure(new EtcdAuthFailedException("no"), -1, null);

        Assert.True(verdict.Fails);
        Assert.IsType<EtcdAuthFailedException>(verdict.Error);
    }

    [Fact]
    public void When_no_endpoint_is_etcd_the_stream_fails()
    {
        using var scripted = new ScriptedInvoker();
        var recovery = new StreamRecovery(scripted.Invoker);

        var verdicts = Enumerable.Range(0, 3).Select(i => recovery.OnFailure(Failures.Of(FailureKind.NotEtcd), i, null)).ToList();

        Assert.Equal([false, false, true], verdicts.Select(v => v.Fails));
        Assert.IsType<EtcdProtocolException>(verdicts[2].Error);
    }

    [Fact]
    public void A_refused_token_is_renewed_once_per_answer()
    {
        using var scripted = new ScriptedInvoker();
        var recovery = new StreamRecovery(scripted.Invoker);

        Assert.Equal(FailureAction.Reauthenticate, recovery.OnFailure(Failures.Of(FailureKind.StaleToken), 0, null).Action);
        Assert.True(recovery.OnFailure(Failures.Of(FailureKind.StaleToken), 0, null).Fails);
        recovery.Answered();
        Assert.Equal(FailureAction.Reauthenticate, recovery.OnFailure(Failures.Of(FailureKind.StaleToken), 0, null).Action);
    }

    [Fact]
    public async Task The_reconnection_backoff_grows_and_starts_over_once_a_stream_answers()
    {
        using var scripted = new ScriptedInvoker();
        var recovery = new StreamRecovery(scripted.Invoker);
        var backoff = scripted.Retry.StreamBackoff;

        await WaitsAsync(backoff.Step(0));
        await WaitsAsync(backoff.Step(1));
        await WaitsAsync(backoff.Step(2));
        recovery.Answered();
        await WaitsAsync(backoff.Step(0));

        async Task WaitsAsync(TimeSpan step)
        {
            var wait = recovery.BackoffAsync(CancellationToken.None);
            scripted.Time.Advance(step / 2 - TimeSpan.FromMilliseconds(1));
            Assert.False(wait.IsCompleted); // at least half the step
            scripted.Time.Advance(step / 2 + TimeSpan.FromMilliseconds(1));
            await wait.WaitAsync(Guard); // at most the step
        }
    }
}
