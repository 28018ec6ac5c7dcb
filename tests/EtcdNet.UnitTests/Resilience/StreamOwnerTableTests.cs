using EtcdNet.Election;
using EtcdNet.Errors;
using EtcdNet.Lease;
using EtcdNet.Protocol.Election;
using EtcdNet.Protocol.Rpc;
using EtcdNet.Resilience;
using EtcdNet.Watch;
using Google.Protobuf;
using MvccKeyValue = EtcdNet.Protocol.Mvcc.KeyValue;
using RpcHeader = EtcdNet.Protocol.Rpc.ResponseHeader;
using RpcKeepAliveResponse = EtcdNet.Protocol.Rpc.LeaseKeepAliveResponse;
using RpcWatchResponse = EtcdNet.Protocol.Rpc.WatchResponse;

namespace EtcdNet.UnitTests.Resilience;

/// <summary>
/// The stream column of the failure table, through each real stream owner (watch, lease keep-alive, election
/// observation) on a scripted transport and a fake clock: a stream breaks with each failure kind once it has
/// answered; the owner either ends what depends on it with the error a unary call gets for the same failure, or
/// reopens (at once after a refused token, after the backoff otherwise, away from an endpoint set aside) and resumes
/// where it was.
/// </summary>
public class StreamOwnerTableTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(10);

    public static TheoryData<string> Kinds => StreamRecoveryTests.Kinds;

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_watch_does_what_the_table_says(string kindName)
    {
        var (kind, rule) = Row(kindName);
        using var scripted = new ScriptedInvoker();
        await using var watches = new WatchClient(scripted.Invoker);
        using var stop = new CancellationTokenSource();
        await using var watch = watches.WatchAsync("k").GetAsyncEnumerator(stop.Token);
        var next = watch.MoveNextAsync().AsTask();
        var first = await NextAsync<WatchRequest, RpcWatchResponse>(scripted);
        Assert.Equal(0, (await first.NextWriteAsync()).CreateRequest.StartRevision);
        first.Answer(new RpcWatchResponse { Created = true, Header = new RpcHeader { Revision = 5 } });
        first.Answer(new RpcWatchResponse { Header = new RpcHeader { Revision = 6 }, Events = { Put("k", 6) } });
        Assert.True(await next.WaitAsync(Guard));
        Assert.Equal(6, watch.Current.Events[0].Kv.ModRevision);

        next = watch.MoveNextAsync().AsTask();
        first.Fail(Failures.Of(kind));

        if (rule.Action == FailureAction.Fail)
        {
            var error = await Assert.ThrowsAnyAsync<Exception>(() => next.WaitAsync(Guard));
            Assert.IsType(await UnaryErrorTypeAsync(kind), error);
            return;
        }

        var second = await ReopenedAsync<WatchRequest, RpcWatchResponse>(scripted, rule);
        AssertMovedAway(rule, first, second);
        Assert.Equal(7, (await second.NextWriteAsync()).CreateRequest.StartRevision); // resumed after the last event delivered
        Assert.False(next.IsCompleted);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => next.WaitAsync(Guard));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_lease_keep_alive_does_what_the_table_says(string kindName)
    {
        var (kind, rule) = Row(kindName);
        using var scripted = new ScriptedInvoker();
        await using var manager = new LeaseKeepAliveManager(scripted.Invoker);
        await using var handle = manager.Add(7, TimeSpan.MaxValue, CancellationToken.None);
        await using var renewals = handle.GetAsyncEnumerator();
        var first = await NextAsync<LeaseKeepAliveRequest, RpcKeepAliveResponse>(scripted);
        Assert.Equal(7, (await first.NextWriteAsync()).ID);
        first.Answer(new RpcKeepAliveResponse { ID = 7, TTL = 60, Header = new RpcHeader { Revision = 1 } });
        Assert.True(await renewals.MoveNextAsync().AsTask().WaitAsync(Guard));

        first.Fail(Failures.Of(kind));

        if (rule.Action == FailureAction.Fail)
        {
            var lost = await Assert.ThrowsAsync<EtcdLeaseLostException>(() => handle.Completion.WaitAsync(Guard));
            Assert.Equal(LeaseLostReason.Refused, lost.Reason);
            Assert.IsType(await UnaryErrorTypeAsync(kind), lost.InnerException);
            return;
        }

        var second = await ReopenedAsync<LeaseKeepAliveRequest, RpcKeepAliveResponse>(scripted, rule);
        AssertMovedAway(rule, first, second);
        Assert.Equal(7, (await second.NextWriteAsync()).ID); // every lease is renewed on the new stream at once
        Assert.False(handle.Completion.IsCompleted);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task An_election_observation_does_what_the_table_says(string kindName)
    {
        var (kind, rule) = Row(kindName);
        using var scripted = new ScriptedInvoker();
        await using var observation = new ElectionClient(scripted.Invoker).ObserveAsync("e").GetAsyncEnumerator();
        var next = observation.MoveNextAsync().AsTask();
        var first = await NextAsync<LeaderRequest, Protocol.Election.LeaderResponse>(scripted);
        Assert.Equal("e", first.FirstMessage!.Name.ToStringUtf8());
        first.Answer(Leader(5, "a"));
        Assert.True(await next.WaitAsync(Guard));

        next = observation.MoveNextAsync().AsTask();
        first.Fail(Failures.Of(kind));

        if (rule.Action == FailureAction.Fail)
        {
            var error = await Assert.ThrowsAnyAsync<Exception>(() => next.WaitAsync(Guard));
            Assert.IsType(await UnaryErrorTypeAsync(kind), error);
            return;
        }

        var second = await ReopenedAsync<LeaderRequest, Protocol.Election.LeaderResponse>(scripted, rule);
        AssertMovedAway(rule, first, second);
        second.Answer(Leader(5, "a")); // every Observe stream starts with the current leader: already delivered
        second.Answer(Leader(6, "b"));
        Assert.True(await next.WaitAsync(Guard));
        Assert.Equal("b", System.Text.Encoding.UTF8.GetString(observation.Current.Kv.Value.Span));
    }

    private static (FailureKind Kind, FailureDecision Rule) Row(string kindName)
    {
        var kind = Enum.Parse<FailureKind>(kindName);
        return (kind, FailurePolicy.Rule(CallKind.Stream, kind, requestSent: true));
    }

    private static Task<ScriptedStream<TRequest, TResponse>> NextAsync<TRequest, TResponse>(ScriptedInvoker scripted)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
        => scripted.Transport.NextStreamAsync<TRequest, TResponse>().WaitAsync(Guard);

    /// <summary>The stream the owner opens next: at once after a refused token, after the backoff otherwise.</summary>
    private static async Task<ScriptedStream<TRequest, TResponse>> ReopenedAsync<TRequest, TResponse>(ScriptedInvoker scripted, FailureDecision rule)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
    {
        var reopened = scripted.Transport.NextStreamAsync<TRequest, TResponse>();
        if (rule.Action == FailureAction.Reauthenticate)
        {
            return await reopened.WaitAsync(Guard); // the clock never moves
        }

        var before = scripted.Time.GetUtcNow();
        var stream = await scripted.Time.AdvanceUntilAsync(reopened, scripted.Retry.StreamBackoff.Step(0), Guard);
        Assert.True(scripted.Time.GetUtcNow() > before, "the stream was reopened without a backoff");
        return stream;
    }

    private static void AssertMovedAway(FailureDecision rule, IScriptedStream first, IScriptedStream second)
    {
        if (rule.SetAside)
        {
            Assert.NotEqual(first.Endpoint.Address, second.Endpoint.Address);
        }
    }

    /// <summary>The type of error a read gets for the same failure (a read fails for every kind a stream fails for).</summary>
    private static async Task<Type> UnaryErrorTypeAsync(FailureKind kind)
    {
        Assert.Equal(FailureAction.Fail, FailurePolicy.Rule(CallKind.Read, kind, requestSent: true).Action);
        using var unary = new ScriptedInvoker();
        unary.Transport.ThenFail(Failures.Of(kind));
        var error = await Assert.ThrowsAnyAsync<Exception>(() => unary.Run(CallKind.Read).WaitAsync(Guard));
        return error.GetType();
    }

    private static Protocol.Mvcc.Event Put(string key, long revision)
        => new() { Type = Protocol.Mvcc.Event.Types.EventType.Put, Kv = new MvccKeyValue { Key = ByteString.CopyFromUtf8(key), CreateRevision = revision, ModRevision = revision, Version = 1 } };

    private static Protocol.Election.LeaderResponse Leader(long revision, string value) => new()
    {
        Header = new RpcHeader { Revision = revision },
        Kv = new MvccKeyValue { Key = ByteString.CopyFromUtf8("e/1"), CreateRevision = 5, ModRevision = revision, Version = 1, Value = ByteString.CopyFromUtf8(value) },
    };
}
