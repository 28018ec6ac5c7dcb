using EtcdNet.Kv;
using EtcdNet.Protocol.Rpc;
using EtcdNet.Resilience;
using EtcdNet.Transport;
using EtcdNet.Watch;
using Google.Protobuf;
using MvccKeyValue = EtcdNet.Protocol.Mvcc.KeyValue;

namespace EtcdNet.Election;

/// <summary>
/// Reads back the proclamations an observer missed while it had no stream. Replays the election's keys
/// (<c>{name}/</c>) from the last delivered revision: their state at that revision (a Range), then every
/// change after it (a Watch), tracking the leader (the key with the smallest create revision) after
/// each revision, until the leader's state equals what the new Observe stream reported. Best effort and
/// bounded by the request timeout: when history is compacted or unreachable it returns what it found.
/// </summary>
internal static class ObserveHistory
{
    public static async Task<IReadOnlyList<Protocol.Election.LeaderResponse>> ReplayAsync(
        RpcInvoker invoker, ByteString name, ObservePosition from, MvccKeyValue target, CancellationToken cancellationToken)
    {
        var prefix = ByteString.CopyFrom([.. name.Span, (byte)'/']);
        var prefixEnd = KeyRange.PrefixEnd(prefix.Span);
        using var deadline = new CancellationTokenSource(invoker.RequestTimeout, invoker.Time);
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        List<Protocol.Election.LeaderResponse> found = [];
        try
        {
            var range = new RangeRequest { Key = prefix, RangeEnd = prefixEnd, Revision = from.ModRevision };
            var start = await invoker.UnaryAsync(KvMethods.Range, range, budget.Token).ConfigureAwait(false);
            var watch = new WatchRequest { CreateRequest = new WatchCreateRequest { Key = prefix, RangeEnd = prefixEnd, StartRevision = from.ModRevision + 1 } };
            var avoid = 0UL;
            for (var attempt = 1; ; attempt++)
            {
                var (endpoint, index) = invoker.Pool.Pick(avoid);
                found = [];
                try
                {
                    await ReplayOnAsync(invoker, endpoint, watch, start.Kvs, from, target, found, budget.Token).ConfigureAwait(false);
                    return found;
                }
                catch (GrpcCallException failure) when (failure.Kind != CallFailureKind.Status && attempt < invoker.Pool.Count)
                {
                    invoker.Pool.ReportFailure(index);
                    avoid |= 1UL << index;
                }
            }
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is OperationCanceledException or EtcdException or TimeoutException or GrpcCallException)
        {
            // Best effort: the observation goes on from the current value.
        }

        cancellationToken.ThrowIfCancellationRequested();
        return found;
    }

    /// <summary>Watches the election's keys on one endpoint, adding each new leader state to <paramref name="found"/>, until <paramref name="target"/> is reached or history ends.</summary>
    private static async Task ReplayOnAsync(
        RpcInvoker invoker, GrpcEndpoint endpoint, WatchRequest watch, IEnumerable<MvccKeyValue> initial,
        ObservePosition from, MvccKeyValue target, List<Protocol.Election.LeaderResponse> found, CancellationToken cancellationToken)
    {
        var keys = initial.ToDictionary(kv => kv.Key);
        var last = from;
        var headers = await invoker.StreamHeadersAsync(CallHeaders.None, cancellationToken).ConfigureAwait(false);
        var call = invoker.Transport.StartStreaming<WatchRequest, Protocol.Rpc.WatchResponse>(endpoint, WatchMethods.Watch, null, headers, cancellationToken);
        await using (call.ConfigureAwait(false))
        {
            await call.WriteAsync(watch, cancellationToken).ConfigureAwait(false);
            while (await call.ReadAsync(cancellationToken).ConfigureAwait(false) is { } response)
            {
                if (response.Canceled || response.CompactRevision != 0)
                {
                    return; // the history is gone: deliver what was found
                }

                var events = response.Events;
                for (var i = 0; i < events.Count; i++)
                {
                    var kv = events[i].Kv;
                    if (events[i].Type == Protocol.Mvcc.Event.Types.EventType.Delete)
                    {
                        keys.Remove(kv.Key);
                    }
                    else
                    {
                        keys[kv.Key] = kv;
                    }

                    // A revision's events all come in one response; look at the leader once all are applied.
                    var revisionDone = i == events.Count - 1 || events[i + 1].Kv.ModRevision != kv.ModRevision;
                    if (!revisionDone || Leader(keys) is not { } leader)
                    {
                        continue;
                    }

                    if (last.IsBefore(leader))
                    {
                        last = ObservePosition.Of(leader);
                        found.Add(new Protocol.Election.LeaderResponse { Header = response.Header, Kv = leader });
                    }

                    if (leader.Key == target.Key && ObservePosition.Of(leader) == ObservePosition.Of(target))
                    {
                        return;
                    }
                }
            }
        }
    }

    private static MvccKeyValue? Leader(Dictionary<ByteString, MvccKeyValue> keys)
    {
        MvccKeyValue? leader = null;
        foreach (var kv in keys.Values)
        {
            if (leader is null || kv.CreateRevision < leader.CreateRevision)
            {
                leader = kv;
            }
        }

        return leader;
    }
}
