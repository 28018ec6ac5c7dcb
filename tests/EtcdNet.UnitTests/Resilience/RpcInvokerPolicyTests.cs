using EtcdNet.Resilience;

namespace EtcdNet.UnitTests.Resilience;

/// <summary>
/// Every cell of the failure table for unary calls, driven through the real call loop with a scripted transport and a
/// fake clock: the failure happens once, then the script answers. Nothing waits on real time (the guard only bounds a
/// broken test).
/// </summary>
public class RpcInvokerPolicyTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(10);

    public static TheoryData<string, string> Cells()
    {
        var data = new TheoryData<string, string>();
        foreach (var call in new[] { CallKind.Read, CallKind.Write, CallKind.Member })
        {
            foreach (var kind in Failures.FromTransport)
            {
                data.Add(call.ToString(), kind.ToString());
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task A_failure_once_does_what_the_table_says(string callName, string kindName)
    {
        var (call, kind) = (Enum.Parse<CallKind>(callName), Enum.Parse<FailureKind>(kindName));
        using var scripted = new ScriptedInvoker();
        scripted.Transport.ThenFail(Failures.Of(kind)).ThenAnswer();
        var rule = FailurePolicy.Rule(call, kind, requestSent: true);

        var task = scripted.Run(call);

        switch (rule.Action)
        {
            case FailureAction.Fail:
                var error = await Assert.ThrowsAnyAsync<Exception>(() => task.WaitAsync(Guard));
                Assert.True(error is EtcdException or TimeoutException, error.GetType().Name);
                Assert.Single(scripted.Sent);
                break;
            case FailureAction.TryAnotherEndpoint:
                await task.WaitAsync(Guard); // no clock advance needed: moving on does not wait
                Assert.Equal(2, scripted.Sent.Count);
                Assert.NotEqual(scripted.Sent[0], scripted.Sent[1]);
                break;
            case FailureAction.RetryAfterBackoff:
                await scripted.Time.TimersCreated(2).WaitAsync(Guard); // the deadline, then the backoff
                Assert.False(task.IsCompleted);
                scripted.Time.Advance(scripted.Retry.CallBackoff.Step(0) / 2 - TimeSpan.FromMilliseconds(1));
                Assert.False(task.IsCompleted); // jitter keeps at least half the step
                Assert.Single(scripted.Sent);
                scripted.Time.Advance(scripted.Retry.CallBackoff.Step(0));
                await task.WaitAsync(Guard);
                Assert.Equal(2, scripted.Sent.Count);
                break;
            case FailureAction.Reauthenticate:
                await task.WaitAsync(Guard);
                Assert.Equal(2, scripted.Sent.Count);
                break;
        }

        Assert.Equal(rule.SetAside, scripted.Pool.IsSetAside(0));
    }

    [Theory]
    [InlineData("Reset")]
    [InlineData("KeepAliveTimeout")]
    [InlineData("GoAway")]
    [InlineData("NotEtcd")]
    public async Task A_write_that_certainly_never_left_moves_on(string kindName)
    {
        using var scripted = new ScriptedInvoker();
        scripted.Transport.ThenFail(Failures.Of(Enum.Parse<FailureKind>(kindName), requestSent: false)).ThenAnswer();

        await scripted.Run(CallKind.Write).WaitAsync(Guard);

        Assert.Equal(2, scripted.Sent.Count);
    }

    [Fact]
    public async Task A_write_whose_fate_is_unknown_says_so()
    {
        using var scripted = new ScriptedInvoker();
        scripted.Transport.ThenFail(Failures.Of(FailureKind.Reset)).ThenAnswer();

        await Assert.ThrowsAsync<EtcdOutcomeUnknownException>(() => scripted.Run(CallKind.Write).WaitAsync(Guard));
    }

    [Fact]
    public async Task The_callers_cancellation_ends_the_call_as_cancelled()
    {
        using var scripted = new ScriptedInvoker();
        scripted.Transport.ThenHang();
        using var cancel = new CancellationTokenSource();

        var task = scripted.Run(CallKind.Read, cancel.Token);
        await cancel.CancelAsync();

        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => task.WaitAsync(Guard));
        Assert.Equal(cancel.Token, error.CancellationToken);
        Assert.Single(scripted.Sent);
    }

    [Fact]
    public async Task The_deadline_runs_on_the_clients_clock()
    {
        using var scripted = new ScriptedInvoker(requestTimeout: TimeSpan.FromSeconds(5));
        scripted.Transport.ThenHang();

        var task = scripted.Run(CallKind.Read);
        scripted.Time.Advance(TimeSpan.FromSeconds(4.9));
        Assert.False(task.IsCompleted);
        scripted.Time.Advance(TimeSpan.FromMilliseconds(200));

        var error = await Assert.ThrowsAsync<EtcdTimeoutException>(() => task.WaitAsync(Guard));
        Assert.Equal(TimeSpan.FromSeconds(5), error.Timeout);
        Assert.True(scripted.Pool.IsSetAside(0)); // it held the call most of its time: on probation
    }

    [Fact]
    public async Task A_backoff_longer_than_the_time_left_fails_with_the_servers_error()
    {
        var retry = EtcdRetryOptions.Default with { CallBackoff = new EtcdBackoff(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2)) };
        using var scripted = new ScriptedInvoker(retry, requestTimeout: TimeSpan.FromSeconds(1));
        scripted.Transport.ThenFail(Failures.Of(FailureKind.NoLeader)).ThenAnswer();

        await Assert.ThrowsAsync<EtcdNoLeaderException>(() => scripted.Run(CallKind.Read).WaitAsync(Guard));
        Assert.Single(scripted.Sent);
    }

    [Fact]
    public async Task The_last_attempt_reports_the_last_error()
    {
        using var scripted = new ScriptedInvoker(EtcdRetryOptions.Default with { MaxAttempts = 3 });
        for (var i = 0; i < 3; i++)
        {
            scripted.Transport.ThenFail(Failures.Of(FailureKind.LeaderChanged));
        }

        var task = scripted.Run(CallKind.Read);
        for (var i = 0; i < 2; i++)
        {
            await scripted.Time.TimersCreated(2 + i).WaitAsync(Guard); // the deadline's timer, then one per backoff
            scripted.Time.Advance(scripted.Retry.CallBackoff.MaxDelay);
        }

        await Assert.ThrowsAsync<EtcdLeaderChangedException>(() => task.WaitAsync(Guard));
        Assert.Equal(3, scripted.Sent.Count);
    }

    [Fact]
    public async Task When_every_endpoint_refuses_nobody_can_answer()
    {
        using var scripted = new ScriptedInvoker();
        for (var i = 0; i < 3; i++)
        {
            scripted.Transport.ThenFail(Failures.Of(FailureKind.Refused));
        }

        var error = await Assert.ThrowsAsync<EtcdUnavailableException>(() => scripted.Run(CallKind.Write).WaitAsync(Guard));

        Assert.Equal(3, error.Failures.Count);
        Assert.Equal(3, scripted.Sent.Distinct().Count());
    }

    [Fact]
    public async Task A_second_refused_token_is_final()
    {
        using var scripted = new ScriptedInvoker();
        scripted.Transport.ThenFail(Failures.Of(FailureKind.StaleToken)).ThenFail(Failures.Of(FailureKind.StaleToken)).ThenAnswer();

        await Assert.ThrowsAsync<EtcdInvalidAuthTokenException>(() => scripted.Run(CallKind.Read).WaitAsync(Guard));
        Assert.Equal(2, scripted.Sent.Count);
    }
}

/// <summary>Calls that ride out an outage: no attempt limit, no stop when nothing is reachable, only the caller's token ends them.</summary>
public class RpcInvokerUntilCancelledTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_guarded_transaction_repeated_until_cancelled_outlasts_rounds_of_refusals_and_the_attempt_limit()
    {
        using var scripted = new ScriptedInvoker(EtcdRetryOptions.Default with { MaxAttempts = 2 });
        for (var i = 0; i < 9; i++)
        {
            scripted.Transport.ThenFail(Failures.Of(FailureKind.Refused));
        }

        scripted.Transport.ThenAnswer();
        var task = scripted.Invoker.UnaryUntilCancelledAsync(Kv.KvMethods.RepeatableTxn, new Protocol.Rpc.TxnRequest(), CancellationToken.None);
        for (var round = 1; round <= 3; round++)
        {
            await scripted.Time.TimersCreated(round).WaitAsync(Guard); // no deadline timer: one per round's backoff
            scripted.Time.Advance(scripted.Retry.CallBackoff.MaxDelay);
        }

        await task.WaitAsync(Guard);
        Assert.Equal(10, scripted.Sent.Count);
    }

    [Fact]
    public async Task Only_the_callers_token_ends_it()
    {
        using var scripted = new ScriptedInvoker();
        for (var i = 0; i < 3; i++)
        {
            scripted.Transport.ThenFail(Failures.Of(FailureKind.Refused));
        }

        using var cancel = new CancellationTokenSource();
        var task = scripted.Invoker.UnaryUntilCancelledAsync(Kv.KvMethods.RepeatableTxn, new Protocol.Rpc.TxnRequest(), cancel.Token);
        await scripted.Time.TimersCreated(1).WaitAsync(Guard);
        Assert.False(task.IsCompleted);

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => task.WaitAsync(Guard));
    }

    [Fact]
    public async Task A_failure_no_retry_can_cure_still_ends_it()
    {
        using var scripted = new ScriptedInvoker();
        scripted.Transport.ThenFail(Failures.Of(FailureKind.PermissionDenied));

        await Assert.ThrowsAsync<EtcdPermissionDeniedException>(() => scripted.Invoker.UnaryUntilCancelledAsync(Kv.KvMethods.RepeatableTxn, new Protocol.Rpc.TxnRequest(), CancellationToken.None).WaitAsync(Guard));
    }

    [Fact]
    public void Only_a_transaction_its_caller_declared_repeatable_is_retried_like_a_read()
    {
        Assert.False(Kv.KvMethods.Txn.Repeatable);
        Assert.True(Kv.KvMethods.RepeatableTxn.Repeatable);
        Assert.Equal(Kv.KvMethods.Txn.Path, Kv.KvMethods.RepeatableTxn.Path);
    }
}
