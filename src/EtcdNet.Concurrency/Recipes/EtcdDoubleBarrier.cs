using EtcdNet.Concurrency.Internal;
using EtcdNet.Resilience;

namespace EtcdNet.Concurrency;

/// <summary>
/// A double barrier with the key layout and protocol of etcd's Go <c>recipe.DoubleBarrier</c>: <see cref="EnterAsync"/>
/// blocks until <see cref="Count"/> participants have entered, and <see cref="LeaveAsync"/> blocks until every
/// participant has left. Each participant creates <c>key/waiters/&lt;unix nanos&gt;</c> attached to its session's lease
/// (so a crashed participant's key vanishes with its lease); the participant that completes the count puts
/// <c>key/ready</c>, and the last one to leave deletes it. Use one instance per participant.
/// </summary>
public sealed class EtcdDoubleBarrier
{
    private string? _myKey;
    private long _myRevision;

    /// <summary>Creates a double barrier on <paramref name="key"/> for <paramref name="count"/> participants; no call is made to etcd.</summary>
    /// <param name="session">The session whose lease this participant's key is attached to.</param>
    /// <param name="key">The barrier's key; its keys live under <c>key/</c>.</param>
    /// <param name="count">The number of participants the barrier waits for, at least 1.</param>
    /// <exception cref="ArgumentException"><paramref name="key"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is less than 1.</exception>
    public EtcdDoubleBarrier(EtcdSession session, string key, int count)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        Session = session;
        Key = key;
        Count = count;
    }

    /// <summary>The session the barrier uses.</summary>
    public EtcdSession Session { get; }

    /// <summary>The barrier's key.</summary>
    public string Key { get; }

    /// <summary>The number of participants the barrier waits for.</summary>
    public int Count { get; }

    private string WaitersPrefix => Key + "/waiters";

    private string ReadyKey => Key + "/ready";

    /// <summary>
    /// Enters the barrier: registers this participant and waits until <see cref="Count"/> participants have entered
    /// (Go: <c>Enter</c>). Cancelling the wait removes this participant's key.
    /// </summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <exception cref="InvalidOperationException">This instance has already entered, or more than <see cref="Count"/> participants are in the barrier (Go: <c>ErrTooManyClients</c>).</exception>
    public async Task EnterAsync(CancellationToken cancellationToken = default)
    {
        if (_myKey is not null)
        {
            throw new InvalidOperationException("This participant has already entered the double barrier '" + Key + "'.");
        }

        var client = Session.Client;
        var (key, revision) = await RecipeEphemeralKey.CreateAsync(Session, WaitersPrefix, cancellationToken).ConfigureAwait(false);
        try
        {
            var waiters = await client.GetAsync(WaitersPrefix + "/", new GetOptions { Prefix = true, CountOnly = true }, cancellationToken).ConfigureAwait(false);
            if (waiters.Count > Count)
            {
                throw new InvalidOperationException($"More than {Count} participants entered the double barrier '{Key}'.");
            }

            if (waiters.Count == Count)
            {
                await client.Txn().Then(Op.Put(ReadyKey, EtcdBytes.Empty)).Repeatable().CommitAsync(cancellationToken).ConfigureAwait(false); // putting it twice changes nothing
            }
            else
            {
                await WaitReadyAsync(client, revision, cancellationToken).ConfigureAwait(false);
            }
        }
        catch
        {
            await RecipeEphemeralKey.RemoveAbandonedAsync(client, key, revision).ConfigureAwait(false);
            throw;
        }

        _myKey = key;
        _myRevision = revision;
    }

    /// <summary>
    /// Leaves the barrier and waits until every participant has left (Go: <c>Leave</c>). The participant with the
    /// oldest key waits for the others to delete theirs and deletes its own last; every other participant deletes its
    /// key and waits for the oldest one's. A participant whose session ends counts as having left.
    /// </summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <exception cref="InvalidOperationException">This instance has not entered the barrier.</exception>
    public async Task LeaveAsync(CancellationToken cancellationToken = default)
    {
        var myKey = _myKey ?? throw new InvalidOperationException("This participant has not entered the double barrier '" + Key + "'.");
        var client = Session.Client;
        while (true)
        {
            var response = await client.GetAsync(WaitersPrefix + "/", new GetOptions { Prefix = true }, cancellationToken).ConfigureAwait(false);
            if (response.Kvs.Count == 0)
            {
                break;
            }

            KeyValue lowest = response.Kvs[0], highest = response.Kvs[0];
            foreach (var kv in response.Kvs)
            {
                if (kv.ModRevision < lowest.ModRevision)
                {
                    lowest = kv;
                }

                if (kv.ModRevision > highest.ModRevision)
                {
                    highest = kv;
                }
            }

            if (response.Kvs.Count == 1)
            {
                // The only one left: reset the barrier and go.
                await client.Txn().Then(Op.Delete(ReadyKey)).Repeatable().CommitAsync(cancellationToken).ConfigureAwait(false); // deleting it twice changes nothing
                await RecipeEphemeralKey.DeleteAsync(client, myKey, _myRevision, cancellationToken).ConfigureAwait(false);
                break;
            }

            if (lowest.KeyString == myKey)
            {
                // The oldest participant leaves last: wait for the newest to go, then look again.
                await DeleteWaiter.WaitDeleteAsync(client, highest.Key, highest.ModRevision, cancellationToken).ConfigureAwait(false);
                continue;
            }

            await RecipeEphemeralKey.DeleteAsync(client, myKey, _myRevision, cancellationToken).ConfigureAwait(false);
            await DeleteWaiter.WaitDeleteAsync(client, lowest.Key, lowest.ModRevision, cancellationToken).ConfigureAwait(false);
        }

        _myKey = null;
    }

    /// <summary>Waits for a put of the ready key at or after <paramref name="revision"/>, re-reading after a compaction or a cancelled watch.</summary>
    private async Task WaitReadyAsync(IEtcdClient client, long revision, CancellationToken cancellationToken)
    {
        var start = revision;
        while (true)
        {
            try
            {
                var options = new WatchOptions { NoDelete = true, StartRevision = start };
                await foreach (var response in client.WatchAsync(ReadyKey, options, cancellationToken).ConfigureAwait(false))
                {
                    if (response.Canceled)
                    {
                        break;
                    }

                    foreach (var e in response.Events)
                    {
                        if (e.Type == WatchEventType.Put)
                        {
                            return;
                        }
                    }
                }
            }
            catch (EtcdCompactedException)
            {
                // The history is gone; re-read the current state below.
            }

            cancellationToken.ThrowIfCancellationRequested();
            var current = await client.GetAsync(ReadyKey, null, cancellationToken).ConfigureAwait(false);
            if (current.Kvs.Count > 0 && current.Kvs[0].ModRevision >= revision)
            {
                return;
            }

            start = current.Header.Revision + 1;
        }
    }
}
